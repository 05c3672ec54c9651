import { contextBridge, ipcRenderer } from 'electron';
import { exposeStudioApi } from './expose-api.js';

// The preload of every studio window (sandboxed, bundled to dist-electron/preload.cjs).
exposeStudioApi(contextBridge, ipcRenderer);
