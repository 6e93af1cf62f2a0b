// The socket and select modules of one session, registered in the session's module registry. Each
// session has its own SocketRegistry (the sockets its statements opened) and shares a Reactor.
//
//   const registry = new SocketRegistry();
//   const modules = createSocketModules(createModuleRegistry(), { reactor: defaultReactor(), registry });
//   const interpreter = new Interpreter({ modules });
import { defaultReactor, type Reactor } from '../../sys';
import type { ModuleRegistry } from './registry';
import type { SocketRegistry } from './socket-registry';
import { buildSelectModule } from './select-module';
import { buildSocketModule } from './socket/socket-module';
import type { SocketEnv } from './socket/socket-object';

export interface SocketModuleOptions {
  registry: SocketRegistry;
  /** Waits for readiness; the process-wide reactor when left out. */
  reactor?: Reactor;
}

/** Registers `socket` and `select` in `modules` (built on first import) and returns `modules`. */
export function createSocketModules(modules: ModuleRegistry, options: SocketModuleOptions): ModuleRegistry {
  const env: SocketEnv = { reactor: options.reactor ?? defaultReactor(), registry: options.registry, defaultTimeout: null };
  return modules.register('socket', () => buildSocketModule(env)).register('select', () => buildSelectModule(env));
}
