import { describe, expect, it } from 'vitest';
import { allNeedles, patientNeedles } from './needles.ts';
import { scanSources } from './scan-sources.ts';

const patient = { name: 'Talvina Morquette', email: 'talvina.m@verify-signup.example', phone: '+1 415 555 0134', dateOfBirth: '1985-04-12' };

describe('leak scan', () => {
  it('looks for each value in the spellings it could take on the way out', () => {
    expect(patientNeedles(patient).map((n) => n.value)).toEqual(['talvina morquette', 'talvina.m@verify-signup.example', '+1 415 555 0134', '1985-04-12', '14155550134', '04/12/1985']);
  });

  it('finds values case-insensitively and tokens exactly, reporting kind and line but never the value', () => {
    const token = 'AbC_dEf-0123456789abcdefghij';
    const needles = allNeedles([patient], [token]);
    const scan = scanSources(
      [
        { name: 'log a', text: 'ok\n{"msg":"TALVINA MORQUETTE signed up"}\nborn 04/12/1985' },
        { name: 'log b', text: `token ${token.toLowerCase()} only lower-cased` },
        { name: 'dump', text: `x\ny\n${token}` },
      ],
      needles,
    );
    expect(scan.hits).toEqual([
      { source: 'log a', kind: 'name', line: 2 },
      { source: 'log a', kind: 'birth date', line: 3 },
      { source: 'dump', kind: 'link token', line: 3 },
    ]);
    expect(scan.sources.map((s) => s.hits)).toEqual([2, 0, 1]);
    expect(JSON.stringify(scan)).not.toMatch(/talvina|04\/12\/1985|AbC_dEf/i);
  });
});
