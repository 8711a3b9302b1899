// The slice of node-postgres the e2e stack uses; the workspace ships pg without its type package.
declare module 'pg' {
  export interface ClientConfig {
    connectionString?: string;
  }
  export class Client {
    constructor(config?: ClientConfig);
    connect(): Promise<void>;
    query(text: string): Promise<{ rows: unknown[] }>;
    end(): Promise<void>;
  }
}
