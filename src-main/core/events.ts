/** One subscription point for everything the core tells the UI (validated against CoreEventSchema in tests). */
import type { CoreEvent } from '../../shared/ipc/contract.ts';

export type CoreEventListener = (e: CoreEvent) => void;

export class EventHub {
  private listeners = new Set<CoreEventListener>();

  on(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: CoreEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // A failing listener must not break the core or the other listeners.
      }
    }
  }
}
