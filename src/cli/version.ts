// The version the build stamps in (esbuild defines SOCKLAB_VERSION from package.json); tests run the
// sources directly and read package.json themselves.
declare const SOCKLAB_VERSION: string | undefined;

export const version: string = typeof SOCKLAB_VERSION === 'string' ? SOCKLAB_VERSION : 'dev';
