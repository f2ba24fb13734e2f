import { optionalString, optionsObject } from '../client/arguments.js';
import { objectBody } from '../client/json-shape.js';
import type { RequestOptions } from '../client/options.js';
import { buildQuery } from '../client/query.js';
import { request } from '../client/request.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { Deleted } from '../responses/deleted.js';
import {
  LabReportDeliveries,
  LabReportDetails,
  LabReportFiles,
  LabReportList,
  LabReportUpload,
} from '../responses/lab-reports.js';
import type { UserClient } from '../user.js';
import { type ClientContext, clientContextOf } from './client-context.js';
import { checkIdSegment } from './id-segment-check.js';
import { dayString, idSegment } from './path-arguments.js';

/** Terra rejects larger lab report files with 413; checked before uploading. */
export const MAX_LAB_REPORT_BYTES = 20 * 1024 * 1024;

/** Parameters of `LabReports.upload`. */
export interface UploadLabReportParams {
  /** The report: PDF, PNG, JPEG, GIF or WebP, at most 20 MB. */
  file: Blob | Uint8Array | ArrayBuffer;
  /** File name sent with the upload (default `report`). */
  filename?: string;
  /** MIME type when `file` is bytes (a Blob keeps its own), e.g. `application/pdf`. */
  contentType?: string;
  /** Your id for the person the report belongs to. */
  referenceId?: string;
}

/** Filter of `LabReports.list` (all dates `'YYYY-MM-DD'`, inclusive). */
export interface ListLabReportsParams {
  /** Your id for the person. */
  referenceId?: string;
  /** Sessions produced by one upload. */
  uploadId?: string;
  /** Report date from. */
  reportDateFrom?: string;
  /** Report date to. */
  reportDateTo?: string;
  /** Upload date from. */
  uploadedAtFrom?: string;
  /** Upload date to. */
  uploadedAtTo?: string;
}

/** Lab report parsing (`/lab-reports`): upload a document, then read its structured results. */
export class LabReports {
  readonly #ctx: ClientContext;

  /**
   * @param terra - the client whose credentials and settings the calls use (`new LabReports(terra)`).
   *   A standalone class rather than a property of `Terra`, so a bundle that never uses it does not carry it.
   * @throws {@link TerraInvalidArgumentError} when `terra` is not a `Terra` client.
   */
  constructor(terra: UserClient) {
    this.#ctx = clientContextOf(terra, 'LabReports');
  }

  /** `POST /lab-reports` (multipart). Resolves on acceptance (202); results arrive by webhook or `get`. */
  async upload(params: UploadLabReportParams, options?: RequestOptions) {
    const p = optionsObject(params, 'params', true);
    const blob = toBlob(p.file, optionalString(p.contentType, 'contentType'));
    if (blob.size > MAX_LAB_REPORT_BYTES) {
      throw new TerraInvalidArgumentError(
        'file',
        `file is ${(blob.size / 1024 / 1024).toFixed(1)} MB; Terra accepts lab reports up to 20 MB`,
      );
    }
    const form = new FormData();
    form.append('file', blob, optionalString(p.filename, 'filename') ?? 'report');
    return request(
      this.#ctx.config,
      {
        group: 'labReports',
        method: 'POST',
        path: '/lab-reports',
        query: buildQuery({ reference_id: optionalString(p.referenceId, 'referenceId') }),
        body: form,
      },
      (json) => new LabReportUpload(objectBody(json)),
      options,
    );
  }

  /** `GET /lab-reports`: sessions matching the filter. */
  async list(params?: ListLabReportsParams, options?: RequestOptions) {
    const p = optionsObject(params, 'params', false);
    const day = (value: unknown, name: string) => (value === undefined ? undefined : dayString(value, name));
    const query = buildQuery({
      reference_id: optionalString(p.referenceId, 'referenceId'),
      upload_id: optionalId(p.uploadId, 'uploadId'),
      report_date_from: day(p.reportDateFrom, 'reportDateFrom'),
      report_date_to: day(p.reportDateTo, 'reportDateTo'),
      uploaded_at_from: day(p.uploadedAtFrom, 'uploadedAtFrom'),
      uploaded_at_to: day(p.uploadedAtTo, 'uploadedAtTo'),
    });
    return request(
      this.#ctx.config,
      { group: 'labReports', method: 'GET', path: '/lab-reports', query },
      (json) => new LabReportList(objectBody(json)),
      options,
    );
  }

  /** `GET /lab-reports/{sessionId}`: one session with its results. */
  async get(sessionId: string, options?: RequestOptions) {
    return request(
      this.#ctx.config,
      { group: 'labReports', method: 'GET', path: `/lab-reports/${idSegment(sessionId, 'sessionId')}` },
      (json) => new LabReportDetails(objectBody(json)),
      options,
    );
  }

  /** `DELETE /lab-reports/{sessionId}`. */
  async delete(sessionId: string, options?: RequestOptions) {
    return request(
      this.#ctx.config,
      {
        group: 'labReports',
        method: 'DELETE',
        path: `/lab-reports/${idSegment(sessionId, 'sessionId')}`,
        allowEmptyBody: true,
      },
      (json, status) => new Deleted(status, json === undefined ? undefined : objectBody(json)),
      options,
    );
  }

  /** `GET /lab-reports/{sessionId}/deliveries`: where the results were sent. */
  async deliveries(sessionId: string, options?: RequestOptions) {
    return request(
      this.#ctx.config,
      {
        group: 'labReports',
        method: 'GET',
        path: `/lab-reports/${idSegment(sessionId, 'sessionId')}/deliveries`,
      },
      (json) => new LabReportDeliveries(objectBody(json)),
      options,
    );
  }

  /** `GET /lab-reports/{sessionId}/files`: short-lived download links. */
  async files(sessionId: string, options?: RequestOptions) {
    return request(
      this.#ctx.config,
      { group: 'labReports', method: 'GET', path: `/lab-reports/${idSegment(sessionId, 'sessionId')}/files` },
      (json) => new LabReportFiles(objectBody(json)),
      options,
    );
  }
}

function toBlob(file: unknown, contentType: string | undefined): Blob {
  if (file instanceof Blob) return file;
  if (file instanceof Uint8Array || file instanceof ArrayBuffer) {
    return new Blob([file as BlobPart], { type: contentType ?? 'application/octet-stream' });
  }
  throw new TerraInvalidArgumentError(
    'file',
    'file must be a Blob/File, a Uint8Array or an ArrayBuffer holding a PDF, PNG, JPEG, GIF or WebP',
  );
}

function optionalId(value: unknown, name: string): string | undefined {
  const id = optionalString(value, name);
  return id === undefined ? undefined : checkIdSegment(id, name);
}
