/** Types of server/bundle.cjs (CommonJS, loaded by next.config.js). */
export declare const SERVER_BUNDLE: string;
export declare function bundleServer(projectDir: string, distDir: string): void;
export declare function bundleContentCheck(projectDir: string): string;
