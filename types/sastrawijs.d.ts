// sastrawijs ships typings its package.json "exports" does not expose; this is the part we use.
declare module 'sastrawijs' {
  export class Stemmer {
    stem(word: string): string;
  }
}
