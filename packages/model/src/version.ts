// The model's version, stamped on every result; a test keeps it equal to package.json.
export const SARCSIM_VERSION = '0.3.0';
