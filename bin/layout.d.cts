/** The package's files and folders, as absolute paths (bin/layout.cjs). */
declare const layout: {
  readonly root: string;
  readonly packageJson: string;
  readonly migrations: string;
  readonly templates: string;
  readonly compiledMain: string;
  readonly bundle: string;
  readonly bundleCache: string;
  readonly rareBundle: string;
  readonly commandCache: (command: string) => string;
};
export = layout;
