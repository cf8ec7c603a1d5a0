/** The inventory: per-file facts, the workspace model, diagnostics and the Markdown report. */
export * from './references';
export * from './inventoryFile';
export * from './codeowners';
export * from './fileFacts';
export * from './model';
export * from './diagnostics';
export * from './signals';
export * from './report';
export * from './leakResponse';
export * from './markRotated';
