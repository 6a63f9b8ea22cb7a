/** Electron IPC channel names between preload and main (the contract channel travels as an argument and is checked). */
export const IPC_INVOKE = 'xt:invoke';
export const IPC_EVENT = 'xt:event';
