// Type checks shared by the modules that read untrusted values.

/** `Array.isArray`, under a name the minifier can shorten. */
export const isArray = Array.isArray;

/** Whether `v` is a plain JSON-like object: not null, not an array. */
export const isObject = (v) => v !== null && typeof v === 'object' && !isArray(v);
