/**
 * The Web Worker entry: the simulation core runs here, off the UI thread,
 * behind the SimApi of protocol.ts (exposed with comlink).
 */
import { expose } from 'comlink';
import { createSession } from './session';

expose(createSession());
