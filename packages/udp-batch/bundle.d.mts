export const builtBinding: string;
export function copyBindingBeside(bundleFile: string): boolean;
