/**
 * Quick fixes, pure: (document text, path, finding, workspace facts, backend settings) -> edits.
 * The LSP layer (server/src/lsp/codeActions.ts) turns them into code actions and WorkspaceEdits.
 */

export * from './types';
export { resolveBackendSettings, managerName, managerReference, examplePlaceholder } from './backends';
export { applyEdits, applyFileEdits, mergeFileEdits, sortEdits } from './edits';
export { fixAll, type FixAllInput, type FixAllResult } from './fixAll';
export { toEnvName, parseDotenv } from './naming';
export { fileContext } from './context';
export { ENV_FILE, ENV_LOCAL_FILE, GITIGNORE_FILE, ENV_EXAMPLE_FILE } from './workspaceFiles';
export { computeFixes } from './computeFixes';
export { suppressionFixes } from './suppressionFix';
