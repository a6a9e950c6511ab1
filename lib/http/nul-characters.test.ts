import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './nul-characters.ts';

describe('findNulCharacter', () => {
  it('finds U+0000 in strings, nested values and keys', () => {
    expect(findNulCharacter('a\u0000b')).toBe('(body)');
    expect(findNulCharacter({ label: 'x', rules: [{ note: 'ok' }, { note: '\u0000' }] })).toBe('rules.1.note');
    expect(findNulCharacter({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
  });

  it('passes ordinary input, other control characters included', () => {
    expect(findNulCharacter({ label: 'Dr. Ünal\t😀', n: 3, list: [null, true, '\u0001'] })).toBeNull();
  });
});
