/**
 * The workspace root of a file, as an editor would open it: the nearest folder above it holding
 * `.git` or `package.json`, else the current folder. It bounds the upward search for
 * `tradecraft.schema.yaml`, anchors relative paths, and holds the workspace's settings.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { readWorkspaceSettings, type WorkspaceSettings } from './workspaceSettings.js';

const ROOT_MARKERS = ['.git', 'package.json'];

export class WorkspaceRoots {
  private readonly byFolder = new Map<string, string>();
  private readonly settingsByRoot = new Map<string, WorkspaceSettings>();
  /** What was wrong with settings files read so far (each named once), for a warning. */
  readonly settingsProblems: string[] = [];

  constructor(private readonly cwd: string) {}

  /** The Tradecraft settings of a workspace root (`.vscode/settings.json`), read once. */
  settingsOf(root: string): WorkspaceSettings {
    let settings = this.settingsByRoot.get(root);
    if (!settings) {
      const read = readWorkspaceSettings(root);
      settings = read.settings;
      if (read.problem) this.settingsProblems.push(read.problem);
      this.settingsByRoot.set(root, settings);
    }
    return settings;
  }

  rootOf(filePath: string): string {
    return this.rootOfFolder(path.dirname(path.resolve(this.cwd, filePath)));
  }

  private rootOfFolder(folder: string): string {
    let root = this.byFolder.get(folder);
    if (root === undefined) {
      const parent = path.dirname(folder);
      if (ROOT_MARKERS.some((marker) => existsSync(path.join(folder, marker)))) root = folder;
      else root = parent === folder ? this.cwd : this.rootOfFolder(parent);
      this.byFolder.set(folder, root);
    }
    return root;
  }
}
