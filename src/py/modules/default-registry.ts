// A module registry with the modules of the language core registered (time); the socket and select
// modules add themselves with registry.register(name, build).
import { ModuleRegistry } from './registry';
import { buildTimeModule } from './time';

export function createModuleRegistry(): ModuleRegistry {
  return new ModuleRegistry().register('time', buildTimeModule);
}
