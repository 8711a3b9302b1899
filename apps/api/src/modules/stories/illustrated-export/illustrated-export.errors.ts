import { AppError } from '../../../core/errors/app-error';

/** Refusals of the e-book download, in the words users read. */
export const IllustratedExportErrors = {
  stillBeingMade: (): AppError => new AppError('CONFLICT', 'This story is still being made. You can download it as an e-book once it is finished.'),
  nothingToExport: (): AppError => new AppError('CONFLICT', 'This story has no finished scenes yet, so there is nothing to put in an e-book.'),
};
