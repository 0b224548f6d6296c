// Message templates: the placeholder language, the built-in templates and the renderer.
export * from './placeholders.js';
export * from './render.js';
export * from './builtin.js';
export * from './message.js';
export * from './draft.js';
