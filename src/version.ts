/** Kept equal to package.json's version by a test; stamped on every result's receipt. */
export const VERSION = '0.1.0';
