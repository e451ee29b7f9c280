/**
 * The workspace root of a file, as an editor would open it: the nearest folder above it holding
 * `.git` or `package.json`, else the current folder. It bounds the upward search for
 * `tradecraft.schema.yaml` and anchors relative paths.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT_MARKERS = ['.git', 'package.json'];

export class WorkspaceRoots {
  private readonly byFolder = new Map<string, string>();

  constructor(private readonly cwd: string) {}

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
