export * from './family.js';
export * from './ops.js';
export * from './names.js';
export * from './registry.js';
export * from './samples.js';
export * from './plain.js';
export type { BuiltinFamilyName, FamilyCodecs, FamilyModels, FamilyRoutes, ModelOf, ParsedOf } from '../family-models.js';
