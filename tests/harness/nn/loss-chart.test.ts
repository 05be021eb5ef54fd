/**
 * The loss-per-step chart of a failed training case is drawn from numbers
 * only, and passes the same allow-list as the graph drawings: whatever the
 * student's code returned, no text of theirs reaches the SVG.
 */
import { describe, expect, it } from 'vitest';
import { lossChart } from '../../../grader/07-render/html/loss-chart.ts';
import { sanitizeSvg } from '../../../grader/07-render/html/svg-sanitize.ts';

describe('the loss chart of a training case', () => {
  it('draws the student and the reference as two lines, and says where the runs part', () => {
    const chart = lossChart({
      losses: { student: [4.46, 2.1, 0.3, 0.00002], reference: [4.46, 2.1, 0.9, 0.16] },
      parts: { step: 2, parameter: 3, role: 'parameter 3 (layer 0, neuron 0, bias)', student: -0.92, expected: -0.919 },
    })!;
    expect(chart.svg.match(/<polyline /g)).toHaveLength(2);
    expect(sanitizeSvg(chart.svg)).toBe(chart.svg);
    expect(chart.svg).toContain('>2.0e-5<');
    expect(chart.summary).toBe(
      "Loss returned by each trainStep over 4 steps: yours ends at 0.00002, the reference's at 0.16.",
    );
    expect(chart.parts).toMatch(
      /^The runs part at step 2, first at parameter 3 \(layer 0, neuron 0, bias\), in parameters\(\) order: yours is -0\.92/,
    );
  });

  it('leaves out what is not a finite number, and prints none of it', () => {
    const chart = lossChart({
      losses: {
        student: ['<script>alert(1)</script>', 'NaN', 1.5, 'not a number (object)'],
        reference: [2, 1.5, 1, 0.5],
      },
    })!;
    expect(chart.svg).not.toMatch(/script|NaN|not a number/);
    expect(chart.svg.match(/<polyline points="([^"]*)"/g)![1]).toMatch(/^<polyline points="[\d.]+,[\d.]+"$/);
    expect(chart.hasParts).toBe(false);
  });

  it('draws nothing for a run that never got past its first step', () => {
    expect(lossChart({ losses: { student: [1], reference: [1] } })).toBeUndefined();
  });
});
