export * from './family.js';
export * from './ops.js';
export * from './names.js';
export * from './registry.js';
export * from './samples.js';
export * from './plain.js';
export type { BuiltinFamilyName, FamilyModels, ModelOf } from '../family-models.js';
