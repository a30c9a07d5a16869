export * from './attribute.js';
export * from './registry.js';
