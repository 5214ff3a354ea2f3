// Generated from openapi.json by `npm run openapi:write`. Do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the server and its database are up
         * @description Needs no authentication. Answers 200 when a database query succeeds and 503 when it does not, so load balancers and uptime monitors can use it directly.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldError: {
            /**
             * @description Which part of the request holds the value.
             * @enum {string}
             */
            in: "body" | "query" | "path" | "header";
            /** @description JSON Pointer (RFC 6901) to the value, e.g. `/steps/0/pointId`. */
            pointer: string;
            /** @description What is wrong with it. */
            detail: string;
        };
        Health: {
            /**
             * @description `OK` when the server can serve requests.
             * @enum {string}
             */
            status: "OK" | "UNAVAILABLE";
            /** @description The OpenPatrol server version. */
            version: string;
            /** @description Time since this process started. */
            uptimeInMillis: number;
            /**
             * Format: date-time
             * @description When this check ran.
             */
            checkedAt: string;
            database: {
                /**
                 * @description `OK` when a query succeeded just now.
                 * @enum {string}
                 */
                status: "OK" | "UNAVAILABLE";
                /** @enum {string} */
                dialect: "SQLITE" | "POSTGRES";
                /** @description Round trip of a trivial query; null when it failed. */
                latencyInMillis: number | null;
            };
        };
        Problem: {
            /** @description Stable identifier of the problem type (`urn:openpatrol:problem:…`). */
            type: string;
            /** @description Short summary of the problem type. */
            title: string;
            /** @description The HTTP status code. */
            status: number;
            /** @description What went wrong in this occurrence. */
            detail: string;
            /** @description The request path that produced the problem. */
            instance: string;
            /** @description Quote this when reporting the problem; it is in the server log. */
            requestId: string;
            /** @description For validation problems, every offending field; otherwise null. */
            errors: components["schemas"]["FieldError"][] | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server and its database are up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database is not answering */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description A problem (RFC 9457) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
