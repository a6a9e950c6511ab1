/**
 * Random but plausible patient identities for the verify run's sign-ups. Built from syllables so
 * each name is a word no log line, id or hash would contain by chance, and so a hit in the leak
 * scan always means the value really travelled there.
 */
import { randomBytes, randomInt } from 'node:crypto';

const SYLLABLES = ['ka', 'lor', 'mi', 'ven', 'tas', 'ru', 'quel', 'dor', 'fi', 'bran', 'sol', 'ni', 'zet', 'ha', 'pim', 'gor', 'lei', 'tov', 'wen', 'jus'];

/** What a patient types into the sign-up form. */
export interface GeneratedPatient {
  name: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  password: string;
}

function word(syllables: number): string {
  const w = Array.from({ length: syllables }, () => SYLLABLES[randomInt(SYLLABLES.length)]).join('');
  return w[0]!.toUpperCase() + w.slice(1);
}

function digits(n: number): string {
  return Array.from({ length: n }, () => String(randomInt(10))).join('');
}

/** A new random patient (born 1930–2005, US-style phone, unique email). */
export function randomPatient(): GeneratedPatient {
  const first = word(3);
  const last = word(4);
  const born = new Date(Date.UTC(1930 + randomInt(76), randomInt(12), 1 + randomInt(28)));
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}.${randomBytes(3).toString('hex')}@verify-signup.example`.toLowerCase(),
    // Area code and exchange start 2–9, as in the North American plan.
    phone: `+1 ${2 + randomInt(8)}${digits(2)} ${2 + randomInt(8)}${digits(2)} ${digits(4)}`,
    dateOfBirth: born.toISOString().slice(0, 10),
    password: `verify ${word(2).toLowerCase()} ${randomBytes(4).toString('hex')} harbour`,
  };
}
