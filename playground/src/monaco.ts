// Monaco as this playground uses it (its own lazily loaded chunk): the editor core, its
// features, the JSON language service; workers bundled by Vite (`?worker`).
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

export * from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
export * as json from 'monaco-editor/languages/features/json/register';
