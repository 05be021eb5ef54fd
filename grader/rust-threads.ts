/**
 * Imported before rolldown, wherever rolldown is imported. Its parser
 * recurses once per level of nesting in the code it reads, and student code
 * can nest deeply on purpose; on a thread's default 2 MB stack a few
 * thousand levels crash the whole grader. Rust gives every thread it starts
 * this much stack (address space only: pages are touched as used). It must
 * be set before rolldown's native part starts its first thread.
 */
process.env.RUST_MIN_STACK ??= String(512 * 1024 * 1024);
