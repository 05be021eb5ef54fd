/**
 * The roster and Canvas options, shared by `grade` and `merge`: a merged run
 * must be able to write the same canvas-grades.csv as an unsharded one.
 */
export const LMS_OPTIONS = {
  roster: {
    type: 'string',
    describe:
      'Roster CSV (folder,student_id,name[,email,section]): adds student ids and names, writes canvas-grades.csv',
  },
  'assignment-name': { type: 'string', describe: 'Canvas assignment name for canvas-grades.csv' },
  'assignment-id': { type: 'string', describe: 'Canvas assignment id, so the import updates that assignment' },
} as const;
