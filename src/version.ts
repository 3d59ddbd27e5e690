/** Kept equal to package.json's version by a unit test; receipts and Vercel's data-sdkv carry it. */
export const VERSION = '0.1.0'
