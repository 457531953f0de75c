// What the status bar shows for a `paperlsp/collectionStatus` notification. Pure.
import type { CollectionStatusParams } from './protocol';

export interface StatusPresentation {
  readonly text: string;
  readonly tooltip: string;
  readonly isWarning: boolean;
  readonly isError: boolean;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function presentStatus(status: CollectionStatusParams): StatusPresentation {
  const papers = `${numberFormat.format(status.papers)} ${status.papers === 1 ? 'paper' : 'papers'}`;
  const collections = `${numberFormat.format(status.collections)} ${status.collections === 1 ? 'collection' : 'collections'}`;
  const details = status.message ? `\n${status.message}` : '';
  switch (status.state) {
    case 'loading':
      return { text: '$(sync~spin) Loading…', tooltip: `PaperLsp: loading collections${details}`, isWarning: false, isError: false };
    case 'error':
      return {
        text: `$(error) ${papers}`,
        tooltip: `PaperLsp: collections could not be loaded${details}\nClick to show the output.`,
        isWarning: false,
        isError: true,
      };
    default:
      if (status.problems > 0) {
        const problems = `${numberFormat.format(status.problems)} ${status.problems === 1 ? 'problem' : 'problems'}`;
        return {
          text: `$(warning) ${papers}`,
          tooltip: `PaperLsp: ${papers} from ${collections}, ${problems} in the collections (see the Problems panel)${details}\nClick to show the output.`,
          isWarning: true,
          isError: false,
        };
      }
      return { text: `$(book) ${papers}`, tooltip: `PaperLsp: ${papers} from ${collections}${details}`, isWarning: false, isError: false };
  }
}
