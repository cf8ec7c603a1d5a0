/**
 * Quick-fix protocol between the VS Code client and the server (declared once, vscode-eslint style).
 *
 * Decision on SecretStorage: a removed secret travels only from the server to the client's stash
 * command, never through a diagnostic, a code action, a command argument or a log. The code action
 * carries a one-time id (`secretHygiene.stashSecret` [id]); the command fetches the value once with
 * `secretHygiene/takeStashedSecret`; the server forgets it on that request or after STASH_TTL_MS.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Server command (workspace/executeCommand): apply the preferred fix of every finding in a file. */
export const FIX_ALL_COMMAND = 'secretHygiene.fixAll';
/** Arguments of FIX_ALL_COMMAND: the document URI. Result: FixAllCommandResult. */
export interface FixAllCommandResult {
  fixed: number;
  remaining: number;
  applied: boolean;
}

/** Client command run after the stash code action's edit: [stashId: string, name: string]. */
export const STASH_COMMAND = 'secretHygiene.stashSecret';

/** How long the server keeps a stashed value waiting for the client to take it. */
export const STASH_TTL_MS = 5 * 60 * 1000;

/** Sent by the client (VS Code) once started: it implements the stash command. */
export namespace ClientFixFeaturesNotification {
  export const method = 'secretHygiene/clientFixFeatures';
  export interface Params {
    stashCommand: boolean;
  }
  export const type = new NotificationType<Params>(method);
}

/** Sent by the client's stash command; answers the value once, then forgets it (null if unknown/expired). */
export namespace TakeStashedSecretRequest {
  export const method = 'secretHygiene/takeStashedSecret';
  export interface Params {
    id: string;
  }
  export interface Result {
    name: string;
    value: string;
    /** Workspace folder URI the secret belongs to (SecretStorage key scope). */
    folderUri?: string;
  }
  export const type = new RequestType<Params, Result | null, void>(method);
}
