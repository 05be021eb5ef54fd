/**
 * The layout cache stays within its size and lets go of the drawing used
 * longest ago, so drawings asked for again and again outlive one-off ones.
 */
import { describe, expect, it } from 'vitest';
import { DrawingCache } from '../../../grader/07-render/html/drawing-cache.ts';

describe('DrawingCache', () => {
  it('evicts the least recently used drawing, not the oldest', () => {
    // Each entry costs 10 characters (key and drawing); room for three.
    const cache = new DrawingCache(30);
    cache.set('dot-a', 'svg-a');
    cache.set('dot-b', 'svg-b');
    cache.set('dot-c', 'svg-c');
    expect(cache.get('dot-a')).toBe('svg-a');
    cache.set('dot-d', 'svg-d');
    expect(cache.get('dot-b')).toBeUndefined();
    expect(cache.get('dot-a')).toBe('svg-a');
    expect(cache.get('dot-c')).toBe('svg-c');
    expect(cache.get('dot-d')).toBe('svg-d');
    expect(cache.size).toBe(3);
  });

  it('counts a drawing stored twice once', () => {
    const cache = new DrawingCache(20);
    cache.set('dot-a', 'svg-a');
    cache.set('dot-a', 'svg-a');
    cache.set('dot-b', 'svg-b');
    expect(cache.get('dot-a')).toBe('svg-a');
    expect(cache.get('dot-b')).toBe('svg-b');
  });
});
