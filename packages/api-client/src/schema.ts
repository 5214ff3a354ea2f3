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
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that this process answers (liveness probe)
         * @description Needs no authentication and checks no dependency: a 200 means the process is running and its event loop is not stuck. Use it to decide when to restart a process; use /api/health/ready to decide whether to send it traffic.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that this process can take traffic (readiness probe)
         * @description Needs no authentication. Answers 200 when the database answers, every migration this server knows is applied, and the dependencies of this process are up (its background worker is polling, when it runs one); 503 with the failed checks and their reasons otherwise.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/sign-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an organization and its Owner, and sign in */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current session, with its CSRF token */
        get: operations["getSession"];
        put?: never;
        /**
         * Sign in with e-mail and password
         * @description Sets the session cookie. After 5 failures for an account (20 from one address) within 15 minutes, sign-in pauses with 429.
         */
        post: operations["signIn"];
        /** Sign out */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation and sign in
         * @description Creates the personal account (with the chosen password) or links the existing one with the invited address.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Act in another organization the person belongs to */
        put: operations["switchOrganization"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/leave-organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Leave the current organization
         * @description Archives your membership (its history stays) and ends this session. The only Owner must hand ownership over first (409).
         */
        post: operations["leaveOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; other sessions are signed out */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * E-mail a link to choose a new password
         * @description Answers 202 whether or not the address has an account, so the answer reveals nothing about it. The link works once, within 1 hour. At most 3 e-mails go to one address per hour; further requests are accepted but send nothing.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/password-resets/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with the e-mailed link
         * @description Signs the person out everywhere and lifts any sign-in pause of the account; sign in with the new password afterwards.
         */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Managers see the users who share a location with them. Pages follow the `Link: <…>; rel="next"` header.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description A user with an e-mail address is sent an invitation to choose a password. A GUARD needs a member number and PIN instead.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user
         * @description Only the fields sent change. Every change creates a new version (`historyId`).
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/users/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the versions of a user */
        get: operations["listUserHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the Owner role to this user; you become an Admin
         * @description Only the Owner, signed in (not with an API token). The new Owner needs a personal account.
         */
        post: operations["transferOwnership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a user: they can no longer sign in; their history stays */
        post: operations["archiveUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived user */
        post: operations["restoreUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization’s API tokens */
        get: operations["listApiTokens"];
        put?: never;
        /**
         * Create an API token
         * @description The response carries the full token once. It acts with Owner rights in this organization, except managing tokens.
         */
        post: operations["createApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API token: it stops working at once */
        post: operations["revokeApiToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organization’s shared devices */
        get: operations["listDevices"];
        put?: never;
        /**
         * Register a shared device for guards
         * @description The response carries a registration code once. Enter it on the device within 24 hours (POST /api/devices/authorize) to authorize it.
         */
        post: operations["registerDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authorize this device with its registration code
         * @description Called on the shared device. Sets the device cookie guards sign in with; the code stops working. After 20 wrong codes from one address within 15 minutes, answers 429.
         */
        post: operations["authorizeDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/guard-sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a guard in on this device with member number and PIN
         * @description Needs the cookie of an authorized device. Sets the session cookie, replacing the session of the guard who used the device before. After 5 failures for a member number (20 on the device) within 15 minutes, sign-in pauses with 429.
         */
        post: operations["signInGuard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a device: guards signed in on it are signed out at once */
        post: operations["revokeDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List locations
         * @description Managers, Users and Guards see the locations assigned to them. Pages follow the `Link: <…>; rel="next"` header.
         */
        get: operations["listLocations"];
        put?: never;
        /** Create a location (Owners only) */
        post: operations["createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a location */
        get: operations["getLocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a location
         * @description Only the fields sent change. Every change creates a new version (`historyId`); executions keep the version they were planned with.
         */
        patch: operations["updateLocation"];
        trace?: never;
    };
    "/locations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the versions of a location */
        get: operations["listLocationHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a location: hidden from planning, its history and past executions stay */
        post: operations["archiveLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived location */
        post: operations["restoreLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checklists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List checklists
         * @description Sorted by name. Archived checklists only with `includeArchived=true`. Pages follow the `Link: <…>; rel="next"` header.
         */
        get: operations["listChecklists"];
        put?: never;
        /**
         * Create a checklist
         * @description At least one action; `order` values unique. Fields that do not belong to an action’s type are refused.
         */
        post: operations["createChecklist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checklists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a checklist */
        get: operations["getChecklist"];
        put?: never;
        post?: never;
        /**
         * Archive a checklist
         * @description The checklist leaves the list and can no longer be copied; its history and the steps that copied it stay. Restore it with `POST /api/checklists/{id}/restore`.
         */
        delete: operations["archiveChecklist"];
        options?: never;
        head?: never;
        /**
         * Change a checklist
         * @description Only the fields sent change; `actions` replaces the whole list. Every change creates a new version (`historyId`); steps that copied the checklist keep their copy.
         */
        patch: operations["updateChecklist"];
        trace?: never;
    };
    "/checklists/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived checklist */
        post: operations["restoreChecklist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checklists/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the versions of a checklist
         * @description Every version’s full snapshot, oldest first, by increasing `historyId`.
         */
        get: operations["listChecklistHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List points
         * @description Only points of locations the caller sees. Pages follow the `Link: <…>; rel="next"` header.
         */
        get: operations["listPoints"];
        put?: never;
        /**
         * Create a point
         * @description The server generates the QR payload. NFC UIDs are stored as upper-case hex; GPS needs latitude, longitude and radiusMeters together.
         */
        post: operations["createPoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a point */
        get: operations["getPoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a point
         * @description Only the fields sent change; memberSettings, when sent, replaces the list. Every change creates a new version (`historyId`).
         */
        patch: operations["updatePoint"];
        trace?: never;
    };
    "/points/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the versions of a point
         * @description Oldest first; each version holds the whole point as it was.
         */
        get: operations["listPointHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a point
         * @description It leaves lists and sheets; its history and past check-ins stay.
         */
        post: operations["archivePoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an archived point
         * @description Its location must be active.
         */
        post: operations["restorePoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/{id}/regenerate-qr-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a point a new QR code
         * @description Printed copies of the old code stop matching at once: print the new one.
         */
        post: operations["regeneratePointQrCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/{id}/qr-code.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The point’s QR code as a PNG image */
        get: operations["getPointQrCodePng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/{id}/qr-code.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The point’s QR code as an SVG image */
        get: operations["getPointQrCodeSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/points/{id}/qr-sheet.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A printable A4 sheet with the point’s QR code, name and location */
        get: operations["getPointQrSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{id}/qr-sheet.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Printable A4 sheets with the QR codes of all active points of a location
         * @description Twelve labelled codes a page, by point name, with cut lines; the location’s name heads each page.
         */
        get: operations["getLocationQrSheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/task-executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan a task
         * @description Creates a task, possibly recurring, at a location; answers with its first execution. Managers plan only at their locations.
         */
        post: operations["createTaskExecution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/task-executions/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List executions in a time window
         * @description Executions whose window overlaps [from, to) (at most 31 days), by startAt then id, at locations the caller sees; performers see published ones only. Filters combine with AND; a list filter matches any of its values. CANCELED executions appear with includeCanceled=true or states=CANCELED. For incremental polling pass updatedSince. Pages follow the `Link: <…>; rel="next"` header.
         */
        get: operations["listTaskExecutionInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/task-executions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an execution
         * @description Any execution id the API returned.
         */
        get: operations["getTaskExecution"];
        put?: never;
        post?: never;
        /**
         * Cancel an execution, the following ones or the whole task
         * @description Planned executions become CANCELED and stay as records (listed with includeCanceled=true). scope=THIS (default) cancels this one; FOLLOWING ends the task here and cancels this and every later planned one; ALL ends the task now and cancels every planned one whose window has not ended. Performed executions are never changed. Answers with this execution as it now stands.
         */
        delete: operations["cancelTaskExecution"];
        options?: never;
        head?: never;
        /**
         * Edit an execution, the following ones or the whole task
         * @description scope=THIS (default) edits this occurrence alone (edited: true); FOLLOWING splits the task here and a new task (new scheduledTaskId, same seriesId) continues with the changes; ALL gives the task a new version for every occurrence that has not begun. Performed and canceled executions are records and never change (409). A new schedule (startAt, endAt or recurrence with FOLLOWING or ALL) replaces the planned occurrences it covers: they become CANCELED, so pollers see them go. Answers with the edited execution, or the first one of the new plan when it was replaced.
         */
        patch: operations["updateTaskExecution"];
        trace?: never;
    };
    "/task-executions/recurrence-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview the occurrences of a recurrence
         * @description Lists the next occurrences (10 by default, at most 50) that a task with this window, recurrence and location time zone would have, computed by the same engine that plans executions (DST shifts and exceptions included), with the location’s wall times. Stores nothing. Field errors point into the body as in POST /task-executions (/recurrence/rule, /recurrence/exception).
         */
        post: operations["previewRecurrence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/task-executions/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The execution’s event log
         * @description Everything that happened, in the order the server received it, each event chained to the previous one by its hash.
         */
        get: operations["listExecutionEvents"];
        put?: never;
        /**
         * Record a field write (seen, start, check-in, value, skip, notes, finish)
         * @description An assignee, signed in as themselves, appends one write to the execution. The server checks it against the plan and what this performer has done (order, presence at the point, value rules, deadline) and answers with the event and the execution as it now stands: 201 when applied, 200 when the same write id was applied before. Another assignee’s work on the same execution is kept and flags `collision`.
         */
        post: operations["recordExecutionWrite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/task-executions/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sync a queue of field writes
         * @description What an offline device sends when it is back online: up to 500 writes, each applied on its own in order, as with recordExecutionWrite. A refused write does not stop the others; each outcome says APPLIED, REPLAYED (applied before: sending a batch again is harmless) or REFUSED with the problem.
         */
        post: operations["recordExecutionWrites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/task-executions/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every action’s whole definition, for the performer’s forms
         * @description The info object carries the guide’s fields only; this adds what a form checks before sending: options, text length and format, camera-only, media counts, instruction text — by the ids the execution shows.
         */
        get: operations["getExecutionPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/task-executions/{id}/integrity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the event log has not been altered
         * @description Recomputes every hash of the log: valid is false, naming the first bad event, when any stored event was changed, removed or reordered after it was recorded.
         */
        get: operations["verifyExecutionEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List check-ins: who proved presence where, and when
         * @description Check-ins at steps of planned executions and on-demand ones, by the time they happened (at most 31 days per query), at locations the caller sees. Users and guards see their own.
         */
        get: operations["listCheckIns"];
        put?: never;
        /**
         * Check in at a point without a task (on demand)
         * @description At a point whose on-demand check-ins allow the caller (ALL_MEMBERS, or SELECTED_MEMBERS with onDemandAllowed), proves presence like a step check-in and opens a one-off execution of the point’s actions (or the member’s own list), started and checked in, for an hour. Record its values and finish it with recordExecutionWrite. 201; 200 when the same check-in id was sent before.
         */
        post: operations["checkInOnDemand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe a URL to events
         * @description Events are POSTed as JSON {type, timestamp, data}, data being what the API’s GET returns, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). Failed deliveries are retried with exponential backoff for 24 hours, then the webhook is disabled and the Owners are told. The secret is shown only in this answer.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook and its delivery log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook, or enable it again */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret
         * @description A new secret, shown only in this answer. Every delivery sent from now on, retries of earlier events included, is signed with it; the old one stops verifying at once.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Queues a `webhook.test` event to this webhook; its delivery shows in the log.
         */
        post: operations["sendWebhookTestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log (newest 200) */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description The same event id, so receivers can recognise it; 24 hours of retries start again.
         */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether you have a calendar feed */
        get: operations["getCalendarFeed"];
        put?: never;
        /**
         * Create (or replace) your private calendar feed URL
         * @description An ICS URL any calendar app can subscribe to: your executions from a day ago to 30 days ahead, in UTC. Anyone with the URL can read it; creating a new one ends the old.
         */
        post: operations["createCalendarFeed"];
        /** End your calendar feed */
        delete: operations["deleteCalendarFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{feed}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A calendar feed (ICS) */
        get: operations["getCalendarFeedIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Today at a glance and the last days’ counts (the dashboard)
         * @description Per-day counts of executions by outcome over the last `days` days (today included), each location counted in its own calendar day, and today’s executions that need attention, are in progress or come next. Canceled executions are left out; Managers see their locations only.
         */
        get: operations["getExecutionsSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Executions report (CSV, XLSX or PDF)
         * @description Every execution whose window overlaps [from, to) at the locations asked for (canceled ones included), with results, times in each location’s zone, and whether its event log verifies.
         */
        get: operations["getExecutionsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report-schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List scheduled reports
         * @description Owners and Admins see every schedule; Managers see their own.
         */
        get: operations["listReportSchedules"];
        put?: never;
        /**
         * E-mail the executions report daily or weekly
         * @description At `hour` in `timeZone` (each day, or on `weekday`), the executions report of the day or seven days before is e-mailed to each recipient as a PDF, XLSX or CSV attachment. It is made as you see the locations when it is sent.
         */
        post: operations["createReportSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report-schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A scheduled report */
        get: operations["getReportSchedule"];
        put?: never;
        post?: never;
        /** Stop and delete a scheduled report */
        delete: operations["deleteReportSchedule"];
        options?: never;
        head?: never;
        /**
         * Change a scheduled report
         * @description Fields absent stay as they are. The next report goes at the first send time from now; periods skipped while disabled are not sent afterwards.
         */
        patch: operations["updateReportSchedule"];
        trace?: never;
    };
    "/alert-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List alert rules */
        get: operations["listAlertRules"];
        put?: never;
        /**
         * Create an alert rule
         * @description When the trigger happens (at the locations given, or all), an alert is raised and e-mailed to the first escalation step at once, then to each next step at its minutes until someone acknowledges it. Alerts are also sent as the alert.raised / alert.escalated webhook events.
         */
        post: operations["createAlertRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/alert-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disable an alert rule (its alerts stay) */
        delete: operations["disableAlertRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The alerts inbox
         * @description Open alerts first, newest first (500 at most), at locations the caller sees.
         */
        get: operations["listAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/alerts/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alert: its escalation stops */
        post: operations["acknowledgeAlert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/alerts/panic": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Panic button: alert the location’s supervisors now */
        post: operations["raisePanic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List issues
         * @description Newest first (by when the server received them). Owners, Admins and tokens see every issue, Managers those at their locations, Users and Guards the ones they reported. Filters combine with AND; a list filter matches any of its values. For incremental polling pass updatedSince. Pages follow the `Link: <…>; rel="next"` header.
         */
        get: operations["listIssues"];
        put?: never;
        /**
         * Report an issue
         * @description At a location the caller sees, optionally at one of its points, with media uploaded beforehand. The issue gets the organization’s next number and starts OPEN. Send a clientId generated on the device: a retry with it answers 200 with the issue created the first time.
         */
        post: operations["createIssue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an issue with its comments */
        get: operations["getIssue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an issue’s status, severity or category
         * @description Status moves OPEN → ACKNOWLEDGED → RESOLVED, or OPEN → RESOLVED; a RESOLVED issue can be reopened (→ OPEN) with a comment saying why. Any other move is a 409. Sending the current status again changes nothing. A comment, when sent, is added to the issue; with a status change it records the change.
         */
        patch: operations["updateIssue"];
        trace?: never;
    };
    "/issues/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Comment on an issue
         * @description Anyone who can see the issue may comment on it.
         */
        post: operations["createIssueComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List admin actions (Owners only)
         * @description Every successful change made by staff or API tokens: locations, points, checklists, users, API tokens, devices, webhooks, alert rules, tasks and issues. Newest first; pages follow the `Link: <…>; rel="next"` header.
         */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a photo or video
         * @description A `multipart/form-data` form: the optional fields `capture` and `clientId` first, then the file in a part named `file` with its Content-Type. The file's first bytes must show the declared type (a renamed file is refused with 415); its size is limited by the server's MEDIA_MAX_BYTES (15 MiB by default). The answer has the file's SHA-256 and, for images, its size in pixels. A `clientId` already uploaded answers 200 with the first upload and stores nothing. Any member may upload; see `GET /media/{id}` for who may read.
         */
        post: operations["uploadMedia"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a photo or video
         * @description The original bytes, with their type, `ETag` (the SHA-256 in quotes) and `Cache-Control: immutable`. `Range` requests are answered with 206, so videos can seek. Supervisors (Owner, Admin, Manager) and API tokens read every media file of the organization; Users and Guards only those they uploaded.
         */
        get: operations["downloadMedia"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the thumbnail of a photo
         * @description A JPEG at most 320 pixels on either side, upright. Only for media with `hasThumbnail` (JPEG and PNG photos); otherwise 404. The same readers as the file.
         */
        get: operations["downloadMediaThumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{id}/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get what is known about a photo or video
         * @description The same readers as the file.
         */
        get: operations["getMediaInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/client-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settings the web apps need (map tiles) */
        get: operations["getClientSettings"];
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
        AcceptInvitationBody: {
            /** @description From the invitation link. */
            token: string;
            /** @description Required when the address has no account yet. */
            password?: string | null;
        };
        ActionDefinition: {
            name: string;
            type: components["schemas"]["def-15"];
            /** @description Position in the list; unique within it. */
            order: number;
            /** @description Must have a value at finish. Never true for INSTRUCTION. */
            required: boolean;
            /** @description Help text; for INSTRUCTION, the instruction itself. */
            description?: string | null;
            /** @description BOOLEAN: alert when the answer equals alertValue. NUMBER: alert when out of range. */
            alertLevel?: components["schemas"]["def-16"] | null;
            /** @description BOOLEAN: the answer that raises the alert (default false). */
            alertValue?: boolean | null;
            /** @description NUMBER: lowest accepted value without an alert. */
            minValue?: number | null;
            /** @description NUMBER: highest accepted value without an alert. */
            maxValue?: number | null;
            /** @description TEXT: longest accepted answer. */
            maxLength?: number | null;
            /** @description TEXT: a JavaScript regular expression the whole answer must match. */
            regex?: string | null;
            /** @description MEDIA: photos must be taken with the camera, not picked from the gallery. */
            cameraOnly?: boolean | null;
            /** @description MEDIA: fewest files. */
            minCount?: number | null;
            /** @description MEDIA: most files. */
            maxCount?: number | null;
            /** @description SELECT / MULTISELECT: the choices, in order. */
            options?: components["schemas"]["def-19"][] | null;
        };
        ActionOption: {
            value: string;
            /** @description Choosing this option raises an alert of this level (WARNING or ERROR). */
            alertLevel?: ("WARNING" | "ERROR") | null;
        };
        /** @enum {string} */
        ActionType: "BOOLEAN" | "NUMBER" | "TEXT" | "MEDIA" | "SELECT" | "MULTISELECT" | "INSTRUCTION";
        Alert: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ruleId: string;
            trigger: string;
            locationId: string | null;
            /** @description TASK_EXECUTION, ISSUE or MEMBER. */
            subjectType: string;
            /** Format: uuid */
            subjectId: string;
            title: string;
            detail: string | null;
            /** @enum {string} */
            status: "OPEN" | "ACKNOWLEDGED";
            /** @description The escalation step reached, from 0. */
            level: number;
            /** Format: date-time */
            createdAt: string;
            acknowledgedAt: string | null;
            acknowledgedBy: string | null;
        };
        /**
         * @description How a result is flagged: WARNING or ERROR counts towards the execution’s warningCount / errorCount.
         * @enum {string}
         */
        AlertLevel: "WARNING" | "ERROR";
        AlertRule: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description EXECUTION_EXPIRED: a window ended unperformed (a missed patrol). LATE_START: started more than threshold minutes late. COMPLETED_WITH_ERRORS. ISSUE_SEVERITY: an issue of threshold severity or worse. PANIC: a performer pressed the panic button.
             * @enum {string}
             */
            trigger: "EXECUTION_EXPIRED" | "LATE_START" | "COMPLETED_WITH_ERRORS" | "ISSUE_SEVERITY" | "PANIC";
            threshold: string | null;
            locationIds: string[] | null;
            /** @description Who is told, step by step, until someone acknowledges: each step by e-mail after its minutes. */
            escalation: {
                /** @description Minutes after the alert was raised; the first step is usually 0. */
                afterMinutes: number;
                memberIds: string[];
            }[];
            enabled: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        ApiToken: {
            /** Format: uuid */
            id: string;
            /** @description What the token is for, e.g. "CRM integration". */
            name: string;
            /** @description The first characters of the token, to recognise it; the rest is never shown again. */
            prefix: string;
            /** @enum {string} */
            status: "ACTIVE" | "EXPIRED" | "REVOKED";
            /** @description The Owner who created it; null when created from the command line. */
            createdById: string | null;
            createdByName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Updated at most once a minute. */
            lastUsedAt: string | null;
            expiresAt: string | null;
            revokedAt: string | null;
        };
        AuditLogEntry: {
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description When the change succeeded.
             */
            occurredAt: string;
            actor: {
                /**
                 * @description A member in the admin app, or an External API token.
                 * @enum {string}
                 */
                type: "MEMBER" | "TOKEN";
                /** @description The member’s or the API token’s id. */
                id: string;
                /** @description Their name when they acted. */
                name: string | null;
            };
            /** @description The API operation, e.g. updateLocation. */
            operationId: string;
            method: string;
            /** @description The request path, without the query string. */
            path: string;
            statusCode: number;
            /** @description The collection the change applies to, as in the path: locations, users, … */
            resourceType: string;
            /** @description The resource changed or created, when the request names or returns one. */
            resourceId: string | null;
            /** @description The fields sent, with passwords, secrets, tokens and PINs replaced by "[redacted]" and long values shortened. */
            summary: {
                [key: string]: unknown;
            } | null;
            ip: string | null;
            userAgent: string | null;
            requestId: string;
        };
        AuthorizeDeviceBody: {
            /** @description The registration code; case, spaces and dashes do not matter. */
            code: string;
        };
        CalendarFeed: {
            /** Format: date-time */
            createdAt: string;
            /** @description The private feed URL: shown only when the feed is created. */
            url: string;
        };
        ChainVerification: {
            valid: boolean;
            eventCount: number;
            firstInvalidSequence: number | null;
            lastHash: string;
            /** Format: date-time */
            verifiedAt: string;
        };
        ChangePasswordBody: {
            currentPassword: string;
            newPassword: string;
        };
        CheckIn: {
            /**
             * Format: uuid
             * @description The check-in event’s id.
             */
            id: string;
            /** Format: uuid */
            executionId: string;
            /** Format: uuid */
            stepId: string;
            /** Format: uuid */
            pointId: string;
            /** Format: uuid */
            locationId: string;
            /** Format: uuid */
            memberId: string;
            /** @enum {string} */
            method: "QR" | "NFC" | "GPS" | "MANUAL";
            /** @description GPS: how far from the point the device was. */
            distanceInMeters: number | null;
            /** @description Made at the point without a planned task. */
            onDemand: boolean;
            /** Format: date-time */
            occurredAt: string;
            /** Format: date-time */
            receivedAt: string;
        };
        Checklist: {
            /** Format: uuid */
            id: string;
            /** @description The current version; every change creates a new, higher one. */
            historyId: number;
            name: string;
            description: string | null;
            /** @description The action definitions, sorted by `order`. */
            actions: components["schemas"]["def-14"][];
            /** @description Archived checklists cannot be copied into new task steps; their history and past copies stay. */
            archived: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ChecklistVersion: {
            historyId: number;
            checklist: components["schemas"]["def-13"];
            /** @description Member id, or token:<id> for an API token. */
            changedBy: string | null;
            /**
             * Format: date-time
             * @description When this version began.
             */
            createdAt: string;
        };
        ClientSettings: {
            map: {
                /** @description Tile URL template ({z}/{x}/{y}, optionally {s}); null: draw markers on a blank map. */
                tileUrl: string | null;
                /** @description The credit to show on the map. */
                attribution: string;
            };
        };
        CreateAlertRuleBody: {
            name: string;
            /**
             * @description EXECUTION_EXPIRED: a window ended unperformed (a missed patrol). LATE_START: started more than threshold minutes late. COMPLETED_WITH_ERRORS. ISSUE_SEVERITY: an issue of threshold severity or worse. PANIC: a performer pressed the panic button.
             * @enum {string}
             */
            trigger: "EXECUTION_EXPIRED" | "LATE_START" | "COMPLETED_WITH_ERRORS" | "ISSUE_SEVERITY" | "PANIC";
            /** @description LATE_START: minutes (e.g. "15"); ISSUE_SEVERITY: LOW, MEDIUM, HIGH or CRITICAL. */
            threshold?: string | null;
            locationIds?: string[] | null;
            /** @description Who is told, step by step, until someone acknowledges: each step by e-mail after its minutes. */
            escalation: {
                /** @description Minutes after the alert was raised; the first step is usually 0. */
                afterMinutes: number;
                memberIds: string[];
            }[];
        };
        CreateApiTokenBody: {
            name: string;
            /** @description When the token stops working; null or absent for never. */
            expiresAt?: string | null;
        };
        CreateChecklistBody: {
            name: string;
            /** @description What the checklist is for, shown to whoever picks it. */
            description?: string | null;
            /** @description The checklist items. Their `order` values must be unique; the list is stored sorted by them. */
            actions: components["schemas"]["def-18"][];
        };
        CreatedApiToken: {
            /** Format: uuid */
            id: string;
            /** @description What the token is for, e.g. "CRM integration". */
            name: string;
            /** @description The first characters of the token, to recognise it; the rest is never shown again. */
            prefix: string;
            /** @enum {string} */
            status: "ACTIVE" | "EXPIRED" | "REVOKED";
            /** @description The Owner who created it; null when created from the command line. */
            createdById: string | null;
            createdByName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Updated at most once a minute. */
            lastUsedAt: string | null;
            expiresAt: string | null;
            revokedAt: string | null;
            /** @description The full token. Shown this once: copy it now; only its hash is stored. */
            token: string;
        };
        CreatedWebhook: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            locationIds: string[] | null;
            enabled: boolean;
            disabledReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The signing secret (whsec_…), shown only now: verify each delivery’s webhook-signature with it. */
            secret: string;
        };
        CreateIssueBody: {
            /**
             * Format: uuid
             * @description A location the caller sees: performers report at their assigned locations.
             */
            locationId: string;
            /** @description A point of that location. */
            pointId?: string | null;
            taskExecutionId?: string | null;
            category: components["schemas"]["def-46"];
            severity: components["schemas"]["def-47"];
            title: string;
            description?: string | null;
            position?: {
                latitude: number;
                longitude: number;
                /** @description The radius of the fix’s uncertainty, as the device reported it. */
                accuracyInMeters?: number | null;
            } | null;
            /** @description Media uploaded to this organization beforehand. */
            mediaIds?: string[];
            /**
             * Format: date-time
             * @description Device time of the incident; now when left out.
             */
            occurredAt?: string;
            /**
             * Format: uuid
             * @description A UUID the device generates once per report: sending the report again with it (an offline retry) answers 200 with the issue created the first time.
             */
            clientId?: string;
        };
        CreateIssueCommentBody: {
            body: string;
        };
        CreateLocationBody: {
            name: string;
            description?: string | null;
            address?: string | null;
            /** @description Give latitude and longitude together. */
            latitude?: number | null;
            longitude?: number | null;
            /** @description IANA time zone, e.g. Europe/Kyiv. Default: the organization’s. */
            timeZone?: string;
        };
        CreatePointBody: {
            /** Format: uuid */
            locationId: string;
            name: string;
            description?: string | null;
            nfcTagUid?: string | null;
            /** @description Give latitude, longitude and radiusMeters together, or none of them. */
            latitude?: number | null;
            longitude?: number | null;
            radiusMeters?: number | null;
            onDemandCheckIns?: components["schemas"]["def-22"];
            defaultActions?: components["schemas"]["def-18"][];
            /** @description Per-member overrides; sending the list replaces it whole. */
            memberSettings?: components["schemas"]["def-24"][];
        };
        CreateReportScheduleBody: {
            /** @description E.g. "Harbour Gate — daily". */
            name: string;
            /**
             * @description DAILY: each day, the previous day’s executions. WEEKLY: on `weekday`, the previous seven days’.
             * @enum {string}
             */
            frequency: "DAILY" | "WEEKLY";
            /** @description WEEKLY only: 1 (Monday) to 7 (Sunday). */
            weekday?: number | null;
            /** @description The local hour the report is sent at, in `timeZone`. */
            hour: number;
            /** @description IANA zone whose days the periods follow and whose hour the report is sent at; the organization’s when absent. */
            timeZone?: string;
            /** @description The locations reported on; null or absent for every location you see. */
            locationIds?: string[] | null;
            /**
             * @description The attached file.
             * @enum {string}
             */
            format: "pdf" | "xlsx" | "csv";
            /** @description Who receives it, e.g. the location’s client; each gets their own e-mail. */
            recipients: string[];
            enabled?: boolean;
        };
        CreateTaskExecutionBody: {
            assigneeIds: string[];
            /** Format: uuid */
            locationId: string;
            name: string;
            description: string | null;
            /** @description Null for a single occurrence. */
            recurrence: components["schemas"]["def-26"] | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC with milliseconds.
             */
            startAt: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC with milliseconds.
             */
            endAt: string;
            priority: components["schemas"]["def-27"];
            /** @description Steps must be checked in in order; others are refused. */
            orderStepsRequired: boolean;
            /** @description An early start or a late end is recorded as an error (never blocked). */
            strictTimeRequired: boolean;
            /** @description After endAt the execution can no longer be started or continued. */
            deadlined: boolean;
            tags: string[];
            steps: {
                /** Format: uuid */
                pointId: string;
                name: string;
                order: number;
                actions?: components["schemas"]["def-18"][];
                /** @description Copy the actions of this checklist template (after any listed here). */
                checklistId?: string | null;
            }[];
            /**
             * @description Unpublished tasks are invisible to performers.
             * @default true
             */
            published: boolean;
        };
        CreateUserBody: {
            firstName: string;
            lastName: string;
            /** @description Required unless the role is GUARD; an invitation is sent to it. */
            email?: string | null;
            phone?: string | null;
            /**
             * @description OWNER is handed over by ownership transfer, never assigned.
             * @enum {string}
             */
            role: "ADMIN" | "MANAGER" | "USER" | "GUARD";
            locationIds?: string[];
            /** @description Required for GUARD. */
            memberNumber?: string | null;
            /** @description Required for GUARD. */
            pin?: string | null;
        };
        CreateWebhookBody: {
            /** @description Where events are POSTed: an https:// (or http://) URL. */
            url: string;
            description?: string | null;
            eventTypes: ("task-execution.created" | "task-execution.updated" | "task-execution.seen" | "task-execution.started" | "task-execution.completed" | "task-execution.incomplete" | "task-execution.expired" | "task-execution.canceled" | "check-in.created" | "issue.created" | "issue.updated" | "member.created" | "member.archived" | "alert.raised" | "alert.escalated" | "webhook.test")[];
            /** @description Only events of these locations; null for all. */
            locationIds?: string[] | null;
        };
        DaySummary: {
            /**
             * Format: date
             * @description The local date. Days are each location’s own: with locations in several zones, the date of the zone whose day is furthest on.
             */
            date: string;
            /** @description 0 for today. */
            daysAgo: number;
            /** @description Executions planned for the day, canceled ones left out. */
            total: number;
            /** @description Not started, window not ended yet. */
            planned: number;
            /** @description Started, window not ended yet. */
            inProgress: number;
            completed: number;
            /** @description Closed without completion (gave up, deadline). */
            incomplete: number;
            /** @description Window ended and nobody finished it (never started, or still in progress). */
            expired: number;
            /** @description Executions whose status is WARNING. */
            warnings: number;
            /** @description Executions whose status is ERROR. */
            errors: number;
            /** @description Executions started after their window opened. */
            lateStarts: number;
        };
        "def-10": components["schemas"]["Device"];
        "def-11": components["schemas"]["Location"];
        "def-12": components["schemas"]["LocationVersion"];
        "def-13": components["schemas"]["Checklist"];
        "def-14": components["schemas"]["NormalizedActionDefinition"];
        "def-15": components["schemas"]["ActionType"];
        "def-16": components["schemas"]["AlertLevel"];
        "def-17": components["schemas"]["NormalizedActionOption"];
        "def-18": components["schemas"]["ActionDefinition"];
        "def-19": components["schemas"]["ActionOption"];
        "def-2": components["schemas"]["FieldError"];
        "def-20": components["schemas"]["ChecklistVersion"];
        "def-21": components["schemas"]["Point"];
        "def-22": components["schemas"]["OnDemandCheckIns"];
        "def-23": components["schemas"]["PointMemberSetting"];
        "def-24": components["schemas"]["PointMemberSettingBody"];
        "def-25": components["schemas"]["PointVersion"];
        "def-26": components["schemas"]["Recurrence"];
        "def-27": components["schemas"]["Priority"];
        "def-28": components["schemas"]["SeenState"];
        "def-29": components["schemas"]["ResultStatus"];
        "def-30": components["schemas"]["ExecutionState"];
        "def-31": components["schemas"]["ExecutionStep"];
        "def-32": components["schemas"]["ExecutionAction"];
        "def-33": components["schemas"]["TaskExecutionInfo"];
        "def-34": components["schemas"]["Position"];
        "def-35": components["schemas"]["ExecutionEvent"];
        "def-36": components["schemas"]["WriteOutcome"];
        "def-37": components["schemas"]["CheckIn"];
        "def-38": components["schemas"]["Webhook"];
        "def-39": components["schemas"]["WebhookDelivery"];
        "def-40": components["schemas"]["DaySummary"];
        "def-41": components["schemas"]["ExecutionSummaryItem"];
        "def-42": components["schemas"]["ReportSchedule"];
        "def-43": components["schemas"]["AlertRule"];
        "def-44": components["schemas"]["Alert"];
        "def-45": components["schemas"]["Issue"];
        "def-46": components["schemas"]["IssueCategory"];
        "def-47": components["schemas"]["IssueSeverity"];
        "def-48": components["schemas"]["IssueStatus"];
        "def-49": components["schemas"]["IssuePosition"];
        "def-50": components["schemas"]["IssueComment"];
        "def-51": components["schemas"]["AuditLogEntry"];
        "def-6": components["schemas"]["Role"];
        "def-7": components["schemas"]["User"];
        "def-8": components["schemas"]["UserVersion"];
        "def-9": components["schemas"]["ApiToken"];
        Device: {
            /** Format: uuid */
            id: string;
            /** @description Where the device is used, e.g. "Front desk phone". */
            name: string;
            /**
             * @description PENDING: registered, waiting for its code to be entered on the device. AUTHORIZED: guards can sign in on it. REVOKED: refused, and its guards signed out.
             * @enum {string}
             */
            status: "PENDING" | "AUTHORIZED" | "REVOKED";
            /** @description Until when the registration code can be entered; null once the device is authorized or revoked. */
            registrationExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            authorizedAt: string | null;
            /** @description The last authorization or guard sign-in on the device. */
            lastSeenAt: string | null;
            revokedAt: string | null;
        };
        ExecutionAction: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            scheduledActionId: string;
            /** Format: uuid */
            seriesId: string;
            scheduledActionHistoryId: number;
            executedActionId: string | null;
            name: string;
            type: components["schemas"]["def-15"];
            order: number;
            status: ("OK" | "WARNING" | "ERROR") | null;
            state: string | null;
            required: boolean;
            validAction: boolean | null;
            missedRequiredValue: boolean | null;
            minValue: number | null;
            maxValue: number | null;
            booleanValue: boolean | null;
            mediaValueIds: string[] | null;
            numberValue: number | null;
            textValue: string | null;
            hasMedia: boolean | null;
        };
        ExecutionEvent: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            taskExecutionId: string;
            /** @description 1, 2, … in the order the server received them. */
            sequence: number;
            /** @enum {string} */
            type: "SEEN" | "STARTED" | "CHECKED_IN" | "VALUE_RECORDED" | "VALUE_CLEARED" | "STEP_SKIPPED" | "ACTION_SKIPPED" | "NOTES_CHANGED" | "FINISHED" | "GAVE_UP" | "CLOSED_AT_DEADLINE";
            /** @description Null for the server’s own events. */
            actorMemberId: string | null;
            deviceTime: string | null;
            /** Format: date-time */
            receivedAt: string;
            /**
             * Format: date-time
             * @description What the rules use: the device time, never later than receivedAt.
             */
            occurredAt: string;
            /** @description The write’s own fields. */
            payload: {
                [key: string]: unknown;
            };
            /** @description The hash of the event before (64 zeros for the first). */
            previousHash: string;
            /** @description SHA-256 (hex) of the canonical JSON of every other field: changing any stored event breaks the chain from it on. */
            hash: string;
        };
        ExecutionPlan: {
            /** Format: uuid */
            executionId: string;
            steps: {
                /**
                 * Format: uuid
                 * @description steps[].id of the execution.
                 */
                id: string;
                /** Format: uuid */
                pointId: string;
                order: number;
                actions: {
                    /**
                     * Format: uuid
                     * @description steps[].actions[].id.
                     */
                    id: string;
                    definition: components["schemas"]["def-14"];
                }[];
            }[];
        };
        ExecutionsSummary: {
            /** Format: date-time */
            generatedAt: string;
            /** @description The locations counted (archived ones left out). */
            locations: {
                /** Format: uuid */
                id: string;
                name: string;
                timeZone: string;
                /**
                 * Format: date
                 * @description Today’s date in its zone.
                 */
                today: string;
            }[];
            /** @description Oldest first; the last one is today. */
            days: components["schemas"]["def-40"][];
            /** @description Today’s executions with an error or warning, a late start, or missed: newest first. */
            needsAttention: {
                /** @description How many there are; items holds the first ones. */
                total: number;
                items: components["schemas"]["def-41"][];
            };
            /** @description Today’s executions being performed now, by planned start. */
            inProgress: {
                /** @description How many there are; items holds the first ones. */
                total: number;
                items: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    /** Format: uuid */
                    locationId: string;
                    /** Format: date-time */
                    startAt: string;
                    /** Format: date-time */
                    endAt: string;
                    /** @enum {string} */
                    state: "PLANNED" | "IN_PROGRESS" | "COMPLETED" | "INCOMPLETE" | "CANCELED";
                    status: ("OK" | "WARNING" | "ERROR") | null;
                    startedAt: string | null;
                    endedAt: string | null;
                    lateStart: boolean | null;
                    expired: boolean;
                    warningCount: number;
                    errorCount: number;
                }[];
            };
            /** @description Today’s executions not started whose window has not ended, soonest first. */
            upcoming: {
                /** @description How many there are; items holds the first ones. */
                total: number;
                items: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    /** Format: uuid */
                    locationId: string;
                    /** Format: date-time */
                    startAt: string;
                    /** Format: date-time */
                    endAt: string;
                    /** @enum {string} */
                    state: "PLANNED" | "IN_PROGRESS" | "COMPLETED" | "INCOMPLETE" | "CANCELED";
                    status: ("OK" | "WARNING" | "ERROR") | null;
                    startedAt: string | null;
                    endedAt: string | null;
                    lateStart: boolean | null;
                    expired: boolean;
                    warningCount: number;
                    errorCount: number;
                }[];
            };
        };
        /** @enum {string} */
        ExecutionState: "PLANNED" | "IN_PROGRESS" | "COMPLETED" | "INCOMPLETE" | "CANCELED";
        ExecutionStep: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            scheduledStepId: string;
            /** Format: uuid */
            seriesId: string;
            scheduledStepHistoryId: number;
            executedStepId: string | null;
            name: string;
            /** Format: uuid */
            pointId: string;
            pointHistoryId: number;
            order: number;
            actualOrder: number | null;
            status: ("OK" | "WARNING" | "ERROR") | null;
            state: string | null;
            keptOrder: boolean | null;
            actions: components["schemas"]["def-32"][];
        };
        /** @description An execution in brief; GET /task-executions/{id} has all of it. */
        ExecutionSummaryItem: {
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            locationId: string;
            /** Format: date-time */
            startAt: string;
            /** Format: date-time */
            endAt: string;
            /** @enum {string} */
            state: "PLANNED" | "IN_PROGRESS" | "COMPLETED" | "INCOMPLETE" | "CANCELED";
            status: ("OK" | "WARNING" | "ERROR") | null;
            startedAt: string | null;
            endedAt: string | null;
            lateStart: boolean | null;
            expired: boolean;
            warningCount: number;
            errorCount: number;
        };
        ExecutionWrite: {
            /**
             * Format: uuid
             * @description Generated by the device for this write. A write sent again with the same id is applied once.
             */
            id: string;
            /**
             * @description SEEN, STARTED, CHECKED_IN (stepId + code, nfcTagUid or position), VALUE_RECORDED (actionId + the value), VALUE_CLEARED (actionId), STEP_SKIPPED / ACTION_SKIPPED (id + reason), NOTES_CHANGED (notes), FINISHED, GAVE_UP (reason).
             * @enum {string}
             */
            type: "SEEN" | "STARTED" | "CHECKED_IN" | "VALUE_RECORDED" | "VALUE_CLEARED" | "STEP_SKIPPED" | "ACTION_SKIPPED" | "NOTES_CHANGED" | "FINISHED" | "GAVE_UP";
            /**
             * Format: date-time
             * @description When it happened on the device (offline writes arrive later). Never later than its arrival counts.
             */
            deviceTime?: string;
            /**
             * Format: uuid
             * @description steps[].id of the execution.
             */
            stepId?: string;
            /**
             * Format: uuid
             * @description steps[].actions[].id of the execution.
             */
            actionId?: string;
            /**
             * @description CHECKED_IN: how presence was proven. MANUAL is the code printed under the QR.
             * @enum {string}
             */
            method?: "QR" | "NFC" | "GPS" | "MANUAL";
            /** @description QR / MANUAL: the code read. */
            code?: string;
            /** @description NFC: the tag UID read. */
            nfcTagUid?: string;
            position?: components["schemas"]["def-34"];
            booleanValue?: boolean;
            numberValue?: number;
            /** @description TEXT, or SELECT: the option chosen. */
            textValue?: string;
            /** @description MULTISELECT: the options chosen. */
            selectedValues?: string[];
            /** @description MEDIA: uploaded media ids. */
            mediaIds?: string[];
            reason?: string;
            notes?: string | null;
        };
        ExecutionWriteBatch: {
            writes: {
                /** Format: uuid */
                executionId: string;
                /**
                 * Format: uuid
                 * @description Generated by the device for this write. A write sent again with the same id is applied once.
                 */
                id: string;
                /**
                 * @description SEEN, STARTED, CHECKED_IN (stepId + code, nfcTagUid or position), VALUE_RECORDED (actionId + the value), VALUE_CLEARED (actionId), STEP_SKIPPED / ACTION_SKIPPED (id + reason), NOTES_CHANGED (notes), FINISHED, GAVE_UP (reason).
                 * @enum {string}
                 */
                type: "SEEN" | "STARTED" | "CHECKED_IN" | "VALUE_RECORDED" | "VALUE_CLEARED" | "STEP_SKIPPED" | "ACTION_SKIPPED" | "NOTES_CHANGED" | "FINISHED" | "GAVE_UP";
                /**
                 * Format: date-time
                 * @description When it happened on the device (offline writes arrive later). Never later than its arrival counts.
                 */
                deviceTime?: string;
                /**
                 * Format: uuid
                 * @description steps[].id of the execution.
                 */
                stepId?: string;
                /**
                 * Format: uuid
                 * @description steps[].actions[].id of the execution.
                 */
                actionId?: string;
                /**
                 * @description CHECKED_IN: how presence was proven. MANUAL is the code printed under the QR.
                 * @enum {string}
                 */
                method?: "QR" | "NFC" | "GPS" | "MANUAL";
                /** @description QR / MANUAL: the code read. */
                code?: string;
                /** @description NFC: the tag UID read. */
                nfcTagUid?: string;
                position?: components["schemas"]["def-34"];
                booleanValue?: boolean;
                numberValue?: number;
                /** @description TEXT, or SELECT: the option chosen. */
                textValue?: string;
                /** @description MULTISELECT: the options chosen. */
                selectedValues?: string[];
                /** @description MEDIA: uploaded media ids. */
                mediaIds?: string[];
                reason?: string;
                notes?: string | null;
            }[];
        };
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
        GuardSignInBody: {
            memberNumber: string;
            pin: string;
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
        Issue: {
            /** Format: uuid */
            id: string;
            /** @description Sequential in the organization, from 1: what people call it ("#42"). */
            number: number;
            /** Format: uuid */
            locationId: string;
            /** @description The point the issue was found at, if any. */
            pointId: string | null;
            /** @description The execution during which it was reported, if any. */
            taskExecutionId: string | null;
            category: components["schemas"]["def-46"];
            severity: components["schemas"]["def-47"];
            title: string;
            description: string | null;
            status: components["schemas"]["def-48"];
            position: components["schemas"]["def-49"] | null;
            /** @description Photos and other media attached to the report. */
            mediaIds: string[];
            /** @description The member who reported it; null when a token did. */
            reportedByMemberId: string | null;
            /** @description The API token that reported it; null when a member did. */
            reportedByTokenId: string | null;
            /** @description The id the reporting device gave the report, if it gave one. */
            clientId: string | null;
            /**
             * Format: date-time
             * @description When it happened, by the reporting device’s clock.
             */
            occurredAt: string;
            /**
             * Format: date-time
             * @description When the server received the report.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description The last change of the issue, its status or its comments.
             */
            updatedAt: string;
            acknowledgedAt: string | null;
            /** @description Member id, or token:<id> for an API token. */
            acknowledgedBy: string | null;
            resolvedAt: string | null;
            /** @description Member id, or token:<id> for an API token. */
            resolvedBy: string | null;
        };
        /**
         * @description What kind of incident or defect it is.
         * @enum {string}
         */
        IssueCategory: "INTRUSION" | "DAMAGE" | "FIRE" | "SAFETY" | "MAINTENANCE" | "CLEANING" | "MEDICAL" | "OTHER";
        IssueComment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            issueId: string;
            authorMemberId: string | null;
            authorTokenId: string | null;
            /** @description Null for a status change made without a remark. */
            body: string | null;
            /** @description The status the issue moved to with this comment; null for a plain comment. */
            statusChange: ("OPEN" | "ACKNOWLEDGED" | "RESOLVED") | null;
            /** Format: date-time */
            createdAt: string;
        };
        IssueDetails: {
            /** Format: uuid */
            id: string;
            /** @description Sequential in the organization, from 1: what people call it ("#42"). */
            number: number;
            /** Format: uuid */
            locationId: string;
            /** @description The point the issue was found at, if any. */
            pointId: string | null;
            /** @description The execution during which it was reported, if any. */
            taskExecutionId: string | null;
            category: components["schemas"]["def-46"];
            severity: components["schemas"]["def-47"];
            title: string;
            description: string | null;
            status: components["schemas"]["def-48"];
            position: components["schemas"]["def-49"] | null;
            /** @description Photos and other media attached to the report. */
            mediaIds: string[];
            /** @description The member who reported it; null when a token did. */
            reportedByMemberId: string | null;
            /** @description The API token that reported it; null when a member did. */
            reportedByTokenId: string | null;
            /** @description The id the reporting device gave the report, if it gave one. */
            clientId: string | null;
            /**
             * Format: date-time
             * @description When it happened, by the reporting device’s clock.
             */
            occurredAt: string;
            /**
             * Format: date-time
             * @description When the server received the report.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description The last change of the issue, its status or its comments.
             */
            updatedAt: string;
            acknowledgedAt: string | null;
            /** @description Member id, or token:<id> for an API token. */
            acknowledgedBy: string | null;
            resolvedAt: string | null;
            /** @description Member id, or token:<id> for an API token. */
            resolvedBy: string | null;
            /** @description Oldest first. */
            comments: components["schemas"]["def-50"][];
        };
        /** @description Where the device was when the issue was reported. */
        IssuePosition: {
            latitude: number;
            longitude: number;
            /** @description The radius of the fix’s uncertainty, as the device reported it. */
            accuracyInMeters: number | null;
        };
        /**
         * @description How urgent it is, from LOW to CRITICAL.
         * @enum {string}
         */
        IssueSeverity: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
        /**
         * @description OPEN when reported; ACKNOWLEDGED once a supervisor took it on; RESOLVED when dealt with. OPEN → ACKNOWLEDGED → RESOLVED, OPEN → RESOLVED, and RESOLVED → OPEN (reopen, with a comment).
         * @enum {string}
         */
        IssueStatus: "OPEN" | "ACKNOWLEDGED" | "RESOLVED";
        Liveness: {
            /**
             * @description Always `OK`: the process answers.
             * @enum {string}
             */
            status: "OK";
            /** @description The OpenPatrol server version. */
            version: string;
            /** @description Time since this process started. */
            uptimeInMillis: number;
        };
        Location: {
            /** Format: uuid */
            id: string;
            /** @description The current version; executions record the version they were planned with. */
            historyId: number;
            name: string;
            description: string | null;
            address: string | null;
            latitude: number | null;
            longitude: number | null;
            /** @description IANA time zone; recurring tasks keep their local time in it across DST changes. */
            timeZone: string;
            archived: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        LocationVersion: {
            historyId: number;
            location: components["schemas"]["def-11"];
            /** @description Member id, or token:<id> for an API token. */
            changedBy: string | null;
            /**
             * Format: date-time
             * @description When this version began.
             */
            createdAt: string;
        };
        Media: {
            /** Format: uuid */
            id: string;
            /** @description The type the bytes were recognised as (it matched the declared one), e.g. `image/jpeg`. */
            contentType: string;
            sizeInBytes: number;
            /** @description SHA-256 of the stored bytes, lower-case hex: proof the file was not altered since upload. Also the `ETag` of the download. */
            sha256: string;
            /**
             * @description How the field app says the picture was taken: `CAMERA` (taken in the app), `GALLERY` (picked from the phone), `UNKNOWN` (not said). Camera-only actions accept `CAMERA` only.
             * @enum {string}
             */
            capture: "CAMERA" | "GALLERY" | "UNKNOWN";
            /** @description Pixels as displayed (EXIF orientation applied); null for videos. */
            width: number | null;
            /** @description Pixels as displayed (EXIF orientation applied); null for videos. */
            height: number | null;
            /** @description Whether `GET /media/{id}/thumbnail` has a JPEG preview (JPEG and PNG images up to 50 megapixels). */
            hasThumbnail: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @description The member who uploaded it; null when an API token did. */
            uploadedByMemberId: string | null;
        };
        NormalizedActionDefinition: {
            name: string;
            type: components["schemas"]["def-15"];
            /** @description Position in the list; unique within it. */
            order: number;
            /** @description Must have a value at finish. Never true for INSTRUCTION. */
            required: boolean;
            /** @description Help text; for INSTRUCTION, the instruction itself. */
            description: string | null;
            /** @description BOOLEAN: alert when the answer equals alertValue. NUMBER: alert when out of range. */
            alertLevel: components["schemas"]["def-16"] | null;
            /** @description BOOLEAN: the answer that raises the alert (default false). */
            alertValue: boolean | null;
            /** @description NUMBER: lowest accepted value without an alert. */
            minValue: number | null;
            /** @description NUMBER: highest accepted value without an alert. */
            maxValue: number | null;
            /** @description TEXT: longest accepted answer. */
            maxLength: number | null;
            /** @description TEXT: a JavaScript regular expression the whole answer must match. */
            regex: string | null;
            /** @description MEDIA: photos must be taken with the camera, not picked from the gallery. */
            cameraOnly: boolean | null;
            /** @description MEDIA: fewest files. */
            minCount: number | null;
            /** @description MEDIA: most files. */
            maxCount: number | null;
            /** @description SELECT / MULTISELECT: the choices, in order; null for other types. */
            options: components["schemas"]["def-17"][] | null;
        };
        NormalizedActionOption: {
            value: string;
            /** @description Choosing this option raises an alert of this level (WARNING or ERROR). */
            alertLevel: ("WARNING" | "ERROR") | null;
        };
        OnDemandCheckInBody: {
            /**
             * Format: uuid
             * @description Generated by the device; the same check-in sent again is applied once.
             */
            id: string;
            /** Format: uuid */
            pointId: string;
            /** @enum {string} */
            method: "QR" | "NFC" | "GPS" | "MANUAL";
            code?: string;
            nfcTagUid?: string;
            position?: components["schemas"]["def-34"];
            /** Format: date-time */
            deviceTime?: string;
        };
        /**
         * @description Who may check in at the point without a task: nobody, every member who sees its location, or only the members whose memberSettings say onDemandAllowed.
         * @enum {string}
         */
        OnDemandCheckIns: "DISABLED" | "ALL_MEMBERS" | "SELECTED_MEMBERS";
        PanicBody: {
            /** Format: uuid */
            locationId: string;
            message?: string;
            position?: {
                latitude: number;
                longitude: number;
                accuracyInMeters: number;
            };
        };
        Point: {
            /** Format: uuid */
            id: string;
            /** @description The current version; executions record the version they were planned with. */
            historyId: number;
            /** Format: uuid */
            locationId: string;
            name: string;
            description: string | null;
            /** @description The payload of the point’s QR code: random, generated by the server, replaced by regenerate-qr-code. Null for Users and Guards: a performer who could read it could check in without being there. */
            qrCode: string | null;
            /** @description Upper-case hex without separators. */
            nfcTagUid: string | null;
            latitude: number | null;
            longitude: number | null;
            radiusMeters: number | null;
            onDemandCheckIns: components["schemas"]["def-22"];
            /** @description Performed at an on-demand check-in, sorted by `order`. */
            defaultActions: components["schemas"]["def-14"][];
            memberSettings: components["schemas"]["def-23"][];
            archived: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PointMemberSetting: {
            /**
             * Format: uuid
             * @description An active member (user) id.
             */
            memberId: string;
            /** @description With SELECTED_MEMBERS: whether this member may check in on demand. */
            onDemandAllowed: boolean;
            /** @description The actions this member performs at an on-demand check-in; null keeps defaultActions. */
            actions: {
                name: string;
                /** @enum {string} */
                type: "BOOLEAN" | "NUMBER" | "TEXT" | "MEDIA" | "SELECT" | "MULTISELECT" | "INSTRUCTION";
                /** @description Position in the list; unique within it. */
                order: number;
                /** @description Must have a value at finish. Never true for INSTRUCTION. */
                required: boolean;
                /** @description Help text; for INSTRUCTION, the instruction itself. */
                description: string | null;
                /** @description BOOLEAN: alert when the answer equals alertValue. NUMBER: alert when out of range. */
                alertLevel: ("WARNING" | "ERROR") | null;
                /** @description BOOLEAN: the answer that raises the alert (default false). */
                alertValue: boolean | null;
                /** @description NUMBER: lowest accepted value without an alert. */
                minValue: number | null;
                /** @description NUMBER: highest accepted value without an alert. */
                maxValue: number | null;
                /** @description TEXT: longest accepted answer. */
                maxLength: number | null;
                /** @description TEXT: a JavaScript regular expression the whole answer must match. */
                regex: string | null;
                /** @description MEDIA: photos must be taken with the camera, not picked from the gallery. */
                cameraOnly: boolean | null;
                /** @description MEDIA: fewest files. */
                minCount: number | null;
                /** @description MEDIA: most files. */
                maxCount: number | null;
                /** @description SELECT / MULTISELECT: the choices, in order; null for other types. */
                options: {
                    value: string;
                    /** @description Choosing this option raises an alert of this level (WARNING or ERROR). */
                    alertLevel: ("WARNING" | "ERROR") | null;
                }[] | null;
            }[] | null;
        };
        PointMemberSettingBody: {
            /**
             * Format: uuid
             * @description An active member (user) id.
             */
            memberId: string;
            /** @description With SELECTED_MEMBERS: whether this member may check in on demand. */
            onDemandAllowed: boolean;
            /** @description The actions this member performs at an on-demand check-in; null keeps defaultActions. */
            actions: components["schemas"]["def-18"][] | null;
        };
        PointVersion: {
            historyId: number;
            point: components["schemas"]["def-21"];
            /** @description Member id, or token:<id> for an API token. */
            changedBy: string | null;
            /**
             * Format: date-time
             * @description When this version began.
             */
            createdAt: string;
        };
        Position: {
            latitude: number;
            longitude: number;
            accuracyInMeters: number;
        };
        /** @enum {string} */
        Priority: "LOW" | "NORMAL" | "HIGH" | "CRITICAL";
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
        Readiness: {
            /**
             * @description `READY` when every check passed.
             * @enum {string}
             */
            status: "READY" | "NOT_READY";
            /**
             * Format: date-time
             * @description When these checks ran.
             */
            checkedAt: string;
            checks: components["schemas"]["ReadinessCheck"][];
        };
        ReadinessCheck: {
            /** @description What was checked: `database`, `migrations`, `worker` (when this process runs background jobs), or another dependency this process was configured with. */
            name: string;
            /** @enum {string} */
            status: "OK" | "FAILED";
            /** @description Why the check failed, for operators; null when it passed. */
            detail: string | null;
        };
        RecordedWrite: {
            event: components["schemas"]["def-35"];
            /** @description True when this write had been applied before. */
            replayed: boolean;
            execution: components["schemas"]["def-33"];
        };
        Recurrence: {
            /** @description An RFC 5545 RRULE without the "RRULE:" prefix, expanded in the location’s time zone from startAt’s wall time. */
            rule: string;
            /** @description Comma-separated UTC instants YYYYMMDDTHHMMSSZ; each removes the occurrence that starts or ends at it. */
            exception: string | null;
        };
        RecurrencePreview: {
            timeZone: string;
            occurrences: {
                /**
                 * Format: date-time
                 * @description ISO-8601 UTC with milliseconds.
                 */
                startAt: string;
                /**
                 * Format: date-time
                 * @description ISO-8601 UTC with milliseconds.
                 */
                endAt: string;
                /** @description The wall-clock reading at the location, to the minute (YYYY-MM-DDTHH:mm), no offset. */
                localStartAt: string;
                /** @description The wall-clock reading at the location, to the minute (YYYY-MM-DDTHH:mm), no offset. */
                localEndAt: string;
                /** @description The zone’s UTC offset at the start, e.g. +02:00. */
                utcOffset: string;
            }[];
            /** @description Whether the series continues after the listed occurrences, within the look-ahead: ten years, or 86,400 repetitions of a secondly, minutely or hourly rule. */
            hasMore: boolean;
        };
        RecurrencePreviewBody: {
            /**
             * Format: date-time
             * @description The first occurrence’s start, as in POST /task-executions.
             */
            startAt: string;
            /**
             * Format: date-time
             * @description The first occurrence’s end, as in POST /task-executions.
             */
            endAt: string;
            /** @description The location’s IANA time zone, whose wall clock the rule follows. */
            timeZone: string;
            recurrence: components["schemas"]["def-26"];
            /**
             * Format: date-time
             * @description List occurrences starting at or after this instant (default: startAt).
             */
            from?: string;
            /**
             * @description How many to list.
             * @default 10
             */
            count: number;
        };
        RegisterDeviceBody: {
            name: string;
        };
        RegisteredDevice: {
            /** Format: uuid */
            id: string;
            /** @description Where the device is used, e.g. "Front desk phone". */
            name: string;
            /**
             * @description PENDING: registered, waiting for its code to be entered on the device. AUTHORIZED: guards can sign in on it. REVOKED: refused, and its guards signed out.
             * @enum {string}
             */
            status: "PENDING" | "AUTHORIZED" | "REVOKED";
            /** @description Until when the registration code can be entered; null once the device is authorized or revoked. */
            registrationExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            authorizedAt: string | null;
            /** @description The last authorization or guard sign-in on the device. */
            lastSeenAt: string | null;
            revokedAt: string | null;
            /** @description Enter it on the shared device within 24 hours to authorize it. Shown this once; it works once. */
            registrationCode: string;
        };
        ReportSchedule: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            frequency: "DAILY" | "WEEKLY";
            weekday: number | null;
            hour: number;
            timeZone: string;
            locationIds: string[] | null;
            /** @enum {string} */
            format: "pdf" | "xlsx" | "csv";
            recipients: string[];
            enabled: boolean;
            /**
             * Format: uuid
             * @description Whose view the report is made with: their role and locations when it is sent.
             */
            memberId: string;
            /** @description When the next report goes out; null while disabled. */
            nextRunAt: string | null;
            lastSentAt: string | null;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RequestPasswordResetBody: {
            /**
             * Format: email
             * @description The address of the account, in any letter case.
             */
            email: string;
        };
        ResetPasswordBody: {
            /** @description The `token` parameter of the link in the e-mail. */
            token: string;
            /** @description At least 10 characters, not containing the name or e-mail address. */
            newPassword: string;
        };
        /**
         * @description Summary of results: null before start.
         * @enum {string}
         */
        ResultStatus: "OK" | "WARNING" | "ERROR";
        /**
         * @description OWNER: everything. ADMIN: everything but locations, billing, ownership and API tokens. MANAGER: their locations’ data, tasks. USER: performs tasks. GUARD: performs tasks on a shared device.
         * @enum {string}
         */
        Role: "OWNER" | "ADMIN" | "MANAGER" | "USER" | "GUARD";
        SeenState: {
            /** Format: uuid */
            assigneeId: string;
            assigneeHistoryId: number;
            seen: boolean;
        };
        Session: {
            person: {
                /** Format: uuid */
                id: string;
                email: string;
                firstName: string;
                lastName: string;
            } | null;
            /** @description The organization the session acts in. */
            organizationId: string | null;
            memberId: string | null;
            /** @description Every organization the person can switch to. */
            memberships: {
                organizationId: string;
                organizationName: string;
                memberId: string;
                role: components["schemas"]["def-6"];
            }[];
            /** @description Send it as X-CSRF-Token with every write made with this session’s cookie. */
            csrfToken: string;
            expiresAt: string | null;
        };
        SignInBody: {
            /** Format: email */
            email: string;
            password: string;
        };
        SignUpBody: {
            organizationName: string;
            /** @description IANA time zone, e.g. Europe/Kyiv. Default UTC. */
            timeZone?: string;
            owner: {
                firstName: string;
                lastName: string;
                /** Format: email */
                email: string;
                /** @description At least 10 characters. */
                password: string;
            };
        };
        SwitchOrganizationBody: {
            /** Format: uuid */
            organizationId: string;
        };
        TaskExecutionInfo: {
            /**
             * Format: uuid
             * @description The occurrence’s stable id.
             */
            id: string;
            /** Format: uuid */
            scheduledTaskId: string;
            scheduledTaskHistoryId: number;
            executedTaskId: string | null;
            name: string;
            description: string | null;
            /** Format: uuid */
            locationId: string;
            locationHistoryId: number;
            seenStates: components["schemas"]["def-28"][];
            performerId: string | null;
            status: components["schemas"]["def-29"] | null;
            state: components["schemas"]["def-30"];
            published: boolean;
            /**
             * Format: date-time
             * @description ISO-8601 UTC with milliseconds.
             */
            startAt: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC with milliseconds.
             */
            endAt: string;
            startedAt: string | null;
            endedAt: string | null;
            totalExecutedTimeInMillis: number | null;
            lateStart: boolean | null;
            lateEnd: boolean | null;
            latenessInMillis: number | null;
            expired: boolean;
            /** Format: uuid */
            seriesId: string;
            recurrence: components["schemas"]["def-26"] | null;
            keptOrder: boolean | null;
            skippedStepCount: number | null;
            skippedActionCount: number | null;
            numericErrorCount: number | null;
            missingRequiredValuesCount: number | null;
            executedStepCount: number | null;
            orderStepsRequired: boolean;
            strictTimeRequired: boolean;
            deadlined: boolean;
            priority: components["schemas"]["def-27"];
            tags: string[];
            collision: boolean | null;
            edited: boolean | null;
            editedAt: string | null;
            stepCount: number;
            warningCount: number;
            errorCount: number;
            notes: string | null;
            favorite: boolean;
            steps: components["schemas"]["def-31"][];
        };
        /** @description Only the fields sent change; `actions` replaces the whole list. */
        UpdateChecklistBody: {
            name?: string;
            /** @description What the checklist is for, shown to whoever picks it. */
            description?: string | null;
            /** @description The checklist items. Their `order` values must be unique; the list is stored sorted by them. */
            actions?: components["schemas"]["def-18"][];
        };
        UpdateIssueBody: {
            status?: components["schemas"]["def-48"];
            severity?: components["schemas"]["def-47"];
            category?: components["schemas"]["def-46"];
            /** @description Added to the issue’s comments; required to reopen a RESOLVED issue. */
            comment?: string;
        };
        UpdateLocationBody: {
            name?: string;
            description?: string | null;
            address?: string | null;
            latitude?: number | null;
            longitude?: number | null;
            timeZone?: string;
        };
        UpdatePointBody: {
            /**
             * Format: uuid
             * @description Moves the point to another location.
             */
            locationId?: string;
            name?: string;
            description?: string | null;
            nfcTagUid?: string | null;
            latitude?: number | null;
            longitude?: number | null;
            radiusMeters?: number | null;
            onDemandCheckIns?: components["schemas"]["def-22"];
            defaultActions?: components["schemas"]["def-18"][];
            /** @description Per-member overrides; sending the list replaces it whole. */
            memberSettings?: components["schemas"]["def-24"][];
        };
        UpdateReportScheduleBody: {
            /** @description E.g. "Harbour Gate — daily". */
            name?: string;
            /**
             * @description DAILY: each day, the previous day’s executions. WEEKLY: on `weekday`, the previous seven days’.
             * @enum {string}
             */
            frequency?: "DAILY" | "WEEKLY";
            /** @description WEEKLY only: 1 (Monday) to 7 (Sunday). */
            weekday?: number | null;
            /** @description The local hour the report is sent at, in `timeZone`. */
            hour?: number;
            /** @description IANA zone whose days the periods follow and whose hour the report is sent at; the organization’s when absent. */
            timeZone?: string;
            /** @description The locations reported on; null or absent for every location you see. */
            locationIds?: string[] | null;
            /**
             * @description The attached file.
             * @enum {string}
             */
            format?: "pdf" | "xlsx" | "csv";
            /** @description Who receives it, e.g. the location’s client; each gets their own e-mail. */
            recipients?: string[];
            enabled?: boolean;
        };
        /** @description The fields to change, as in POST. With THIS, startAt/endAt are this occurrence’s window; with FOLLOWING, the window of the first occurrence of the new task; with ALL, the series’ first window as in POST. Moving only startAt keeps the duration. THIS cannot change steps or recurrence. */
        UpdateTaskExecutionBody: {
            assigneeIds?: string[];
            name?: string;
            description?: string | null;
            /** @description Null for a single occurrence. */
            recurrence?: components["schemas"]["def-26"] | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC with milliseconds.
             */
            startAt?: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC with milliseconds.
             */
            endAt?: string;
            priority?: components["schemas"]["def-27"];
            orderStepsRequired?: boolean;
            strictTimeRequired?: boolean;
            deadlined?: boolean;
            tags?: string[];
            steps?: {
                /** Format: uuid */
                pointId: string;
                name: string;
                order: number;
                actions?: components["schemas"]["def-18"][];
                /** @description Copy the actions of this checklist template (after any listed here). */
                checklistId?: string | null;
            }[];
            published?: boolean;
        };
        UpdateUserBody: {
            firstName?: string;
            lastName?: string;
            email?: string | null;
            phone?: string | null;
            /**
             * @description OWNER is handed over by ownership transfer, never assigned.
             * @enum {string}
             */
            role?: "ADMIN" | "MANAGER" | "USER" | "GUARD";
            locationIds?: string[];
            memberNumber?: string | null;
            /** @description 4 to 8 digits; stored hashed, never returned. */
            pin?: string;
        };
        UpdateWebhookBody: {
            /** @description Where events are POSTed: an https:// (or http://) URL. */
            url?: string;
            description?: string | null;
            eventTypes?: ("task-execution.created" | "task-execution.updated" | "task-execution.seen" | "task-execution.started" | "task-execution.completed" | "task-execution.incomplete" | "task-execution.expired" | "task-execution.canceled" | "check-in.created" | "issue.created" | "issue.updated" | "member.created" | "member.archived" | "alert.raised" | "alert.escalated" | "webhook.test")[];
            /** @description Only events of these locations; null for all. */
            locationIds?: string[] | null;
            /** @description Re-enable a webhook disabled after failures. */
            enabled?: boolean;
        };
        User: {
            /** Format: uuid */
            id: string;
            /** @description The current version; executions record the version they were assigned with. */
            historyId: number;
            firstName: string;
            lastName: string;
            email: string | null;
            phone: string | null;
            role: components["schemas"]["def-6"];
            /** @description Assigned locations. Owners and Admins see all locations regardless. */
            locationIds: string[];
            /** @description Guards’ sign-in number. */
            memberNumber: string | null;
            /** @description Archived users cannot sign in; their history stays. */
            archived: boolean;
            /** @description Whether a personal account (e-mail + password) is linked: false until an invitation is accepted, and always for guards. */
            hasAccount: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserVersion: {
            historyId: number;
            firstName: string;
            lastName: string;
            email: string | null;
            phone: string | null;
            role: components["schemas"]["def-6"];
            locationIds: string[];
            memberNumber: string | null;
            archived: boolean;
            /** @description Member id, or token:<id> for an API token. */
            changedBy: string | null;
            /**
             * Format: date-time
             * @description When this version began.
             */
            createdAt: string;
        };
        Webhook: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            locationIds: string[] | null;
            enabled: boolean;
            disabledReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            webhookId: string;
            /** @description The webhook-id header: the same on every retry. */
            eventId: string;
            eventType: string;
            /** @enum {string} */
            status: "PENDING" | "DELIVERED" | "FAILED";
            attempts: number;
            lastAttemptAt: string | null;
            lastStatusCode: number | null;
            lastError: string | null;
            deliveredAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        WriteOutcome: {
            /**
             * Format: uuid
             * @description The write’s id, as sent.
             */
            id: string;
            /** @enum {string} */
            outcome: "APPLIED" | "REPLAYED" | "REFUSED";
            /** @description Why a write was refused; nothing of it was recorded. */
            problem: {
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
                errors: components["schemas"]["def-2"][] | null;
            } | null;
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
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
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
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every check passed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description At least one check failed; `checks` says which and why */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
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
    signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignUpBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    switchOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SwitchOrganizationBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    leaveOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Left */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordBody"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestPasswordResetBody"];
            };
        };
        responses: {
            /** @description Accepted; if the address has an account, a link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordBody"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listUsers: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the Link header of the previous page. */
                cursor?: string;
                includeArchived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-7"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listUserHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-8"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    transferOwnership: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    archiveUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    restoreUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-9"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createApiToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    revokeApiToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listDevices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-10"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    registerDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDeviceBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredDevice"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    authorizeDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizeDeviceBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    signInGuard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GuardSignInBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    revokeDevice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Device"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listLocations: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                includeArchived?: boolean;
                /** @description Part of the name, any case. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-11"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createLocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLocationBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    updateLocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLocationBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listLocationHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-12"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    archiveLocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    restoreLocation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listChecklists: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the Link header of the previous page. */
                cursor?: string;
                includeArchived?: boolean;
                /** @description Part of the name, any case. */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-13"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createChecklist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChecklistBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checklist"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getChecklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checklist"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    archiveChecklist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Archived */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    updateChecklist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description Only the fields sent change; `actions` replaces the whole list. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateChecklistBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checklist"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    restoreChecklist: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Checklist"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listChecklistHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-20"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listPoints: {
        parameters: {
            query?: {
                /** @description Only the points of this location. */
                locationId?: string;
                includeArchived?: boolean;
                limit?: number;
                /** @description From the Link header of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-21"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createPoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePointBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Point"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getPoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Point"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    updatePoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePointBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Point"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listPointHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-25"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    archivePoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Point"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    restorePoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Point"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    regeneratePointQrCode: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Point"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getPointQrCodePng: {
        parameters: {
            query?: {
                /** @description Width and height of the image in pixels. */
                size?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A PNG image of the QR code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getPointQrCodeSvg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An SVG image of the QR code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getPointQrSheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getLocationQrSheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The location id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A PDF document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createTaskExecution: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskExecutionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskExecutionInfo"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listTaskExecutionInfo: {
        parameters: {
            query: {
                /** @description Start of the window (inclusive), an ISO-8601 instant. */
                from: string;
                /** @description End of the window (exclusive), at most 31 days after from. */
                to: string;
                /** @description Only these executions: ids separated by commas. */
                ids?: string;
                /** @description Only these locations: ids separated by commas. */
                locationIds?: string;
                /** @description Only these assignees (any of them): ids separated by commas. */
                assigneeIds?: string;
                /** @description Only these performers: ids separated by commas. */
                performerIds?: string;
                /** @description Only these tasks: ids separated by commas. */
                scheduledTaskIds?: string;
                /** @description Only these series: ids separated by commas. */
                seriesIds?: string;
                /** @description Only these states, separated by commas (PLANNED, IN_PROGRESS, COMPLETED, INCOMPLETE, CANCELED). */
                states?: string;
                /** @description Only these result statuses, separated by commas (OK, WARNING, ERROR). */
                statuses?: string;
                /** @description Only executions with any of these tags. */
                tags?: string;
                /** @description Only these priorities, separated by commas (LOW, NORMAL, HIGH, CRITICAL). */
                priorities?: string;
                /** @description Only published (or unpublished) ones. */
                published?: boolean;
                /** @description Only expired (or not expired) ones. */
                expired?: boolean;
                /** @description Also list CANCELED executions (also implied by states=CANCELED). */
                includeCanceled?: boolean;
                /** @description Only executions whose record changed after this instant: poll with the time of your previous poll. */
                updatedSince?: string;
                limit?: number;
                /** @description From the Link header of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-33"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getTaskExecution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskExecutionInfo"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    cancelTaskExecution: {
        parameters: {
            query?: {
                /** @description THIS occurrence only; this and the FOLLOWING ones (the task is split, a new task continues the series); ALL occurrences of the task that have not begun. */
                scope?: "THIS" | "FOLLOWING" | "ALL";
            };
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskExecutionInfo"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    updateTaskExecution: {
        parameters: {
            query?: {
                /** @description THIS occurrence only; this and the FOLLOWING ones (the task is split, a new task continues the series); ALL occurrences of the task that have not begun. */
                scope?: "THIS" | "FOLLOWING" | "ALL";
            };
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The fields to change, as in POST. With THIS, startAt/endAt are this occurrence’s window; with FOLLOWING, the window of the first occurrence of the new task; with ALL, the series’ first window as in POST. Moving only startAt keeps the duration. THIS cannot change steps or recurrence. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskExecutionBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskExecutionInfo"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    previewRecurrence: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecurrencePreviewBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecurrencePreview"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listExecutionEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-35"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    recordExecutionWrite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExecutionWrite"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedWrite"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedWrite"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    recordExecutionWrites: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExecutionWriteBatch"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: components["schemas"]["def-36"][];
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getExecutionPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionPlan"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    verifyExecutionEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainVerification"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listCheckIns: {
        parameters: {
            query: {
                /** @description Check-ins that happened at or after. */
                from: string;
                /** @description Check-ins that happened before; at most 31 days after from. */
                to: string;
                locationIds?: string;
                pointIds?: string;
                memberIds?: string;
                onDemand?: boolean;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-37"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    checkInOnDemand: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OnDemandCheckInBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedWrite"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedWrite"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-38"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    sendWebhookTestEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-39"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        url: null;
                    };
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createCalendarFeed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeed"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    deleteCalendarFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getCalendarFeedIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description <secret>.ics */
                feed: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description iCalendar text */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getExecutionsSummary: {
        parameters: {
            query?: {
                /** @description How many days to count, today included (14 by default). */
                days?: number;
                /** @description Only these locations: ids separated by commas. All the caller sees by default. */
                locationIds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExecutionsSummary"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getExecutionsReport: {
        parameters: {
            query: {
                from: string;
                /** @description At most 31 days after from. */
                to: string;
                /** @description Only these executions: ids separated by commas (e.g. one execution’s PDF). */
                ids?: string;
                locationIds?: string;
                states?: string;
                /** @description CSV or XLSX for spreadsheets, PDF to send a client. */
                format: "csv" | "xlsx" | "pdf";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/pdf": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listReportSchedules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-42"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createReportSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReportScheduleBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportSchedule"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getReportSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportSchedule"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    deleteReportSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    updateReportSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateReportScheduleBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportSchedule"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listAlertRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-43"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createAlertRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAlertRuleBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertRule"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    disableAlertRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listAlerts: {
        parameters: {
            query?: {
                status?: "OPEN" | "ACKNOWLEDGED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-44"][];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    acknowledgeAlert: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    raisePanic: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PanicBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-44"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listIssues: {
        parameters: {
            query?: {
                /** @description Only these statuses, separated by commas (OPEN, ACKNOWLEDGED, RESOLVED). */
                status?: string;
                /** @description Only these severities, separated by commas (LOW, MEDIUM, HIGH, CRITICAL). */
                severity?: string;
                /** @description Only issues at least this severe (HIGH: HIGH and CRITICAL). */
                severityAtLeast?: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
                /** @description Only these categories, separated by commas. */
                category?: string;
                /** @description Text in the title or description, in any case; a number (42 or #42) also finds that issue. */
                search?: string;
                /** @description Only issues at these locations: ids separated by commas. */
                locationIds?: string;
                /** @description Only issues changed (status, fields or comments) after this instant: poll with the time of your previous poll. */
                updatedSince?: string;
                /** @description Only issues received at or after this. */
                from?: string;
                /** @description Only issues received before this. */
                to?: string;
                limit?: number;
                /** @description From the Link header of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-45"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createIssue: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIssueBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Issue"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Issue"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDetails"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    updateIssue: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateIssueBody"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueDetails"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    createIssueComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique value you choose (a UUID is ideal), 1–200 printable ASCII characters. Retrying the same request with the same key within 24 hours returns the first response, with `Idempotent-Replayed: true`, and changes nothing again. The same key with a different request is refused with 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIssueCommentBody"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueComment"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    listAuditLog: {
        parameters: {
            query?: {
                /** @description Entries at or after this instant. */
                from?: string;
                /** @description Entries before this instant. */
                to?: string;
                /** @description Only this member’s or API token’s actions. */
                actorId?: string;
                /** @description Only changes to this collection (locations, points, users, …). */
                resourceType?: string;
                /** @description Only changes to this resource. */
                resourceId?: string;
                limit?: number;
                /** @description From the `Link` header of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["def-51"][];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    uploadMedia: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * @description How the picture was taken: `CAMERA` in the app, `GALLERY` picked from the phone. Leave it out when not known (stored as `UNKNOWN`).
                     * @enum {string}
                     */
                    capture?: "CAMERA" | "GALLERY";
                    /**
                     * Format: uuid
                     * @description An id the field app generates for this upload. Sending it again (a retry after a lost answer) stores nothing new and answers 200 with the first upload.
                     */
                    clientId?: string;
                    /**
                     * Format: binary
                     * @description The photo or video, with its Content-Type. Send it after the other fields; one file per request.
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Media"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Media"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    downloadMedia: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": string;
                    "video/*": string;
                };
            };
            /** @description The requested part of the file */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": string;
                    "video/*": string;
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The range is outside the file */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    downloadMediaThumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JPEG image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getMediaInfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Media"];
                };
            };
            /** @description Authentication is missing or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
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
    getClientSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientSettings"];
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
