import { CamelCasePlugin } from 'kysely';

// Column names map snake_case ↔ camelCase; keys inside jsonb values are data (code lists such as
// PHYSICIAN_ASSISTANT) and must come back exactly as stored.
export const kyselyPlugins = () => [new CamelCasePlugin({ maintainNestedObjectKeys: true })];
