/** Reforms (issue 14): dated changes to pack parameters as data, checked whole, applied as an overlay. */
export { applyReform, overlay } from './overlay.js';
export { checkReform, canonicalJson, canonicalHash, type Reform, type CheckedChange } from './validate.js';
export { closest } from './closest.js';
