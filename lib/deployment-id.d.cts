/** Types of lib/deployment-id.cjs (CommonJS, loaded by next.config.js). */
export declare const DEPLOYMENT_ID_PATTERN: RegExp;
export declare function derivedDeploymentId(dir: string): string;
export declare function deploymentIdFor(phase: string, options: { dir: string; distDir: string; env?: Record<string, string | undefined> }): string | undefined;
