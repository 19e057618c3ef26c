// Package kernel speaks the Jupyter messaging protocol 5.3 over ZeroMQ (github.com/go-zeromq/zmq4)
// on behalf of a language it knows nothing about: an [Interpreter].
//
// # Tour
//
// A front end writes a connection file ([ReadConnectionFile]); [New] checks the [Config] and
// [Kernel.Run] binds the five channels:
//
//   - shell (ROUTER): requests, served one at a time in arrival order;
//   - control (ROUTER): the same requests on their own goroutine, so that interrupt_request and
//     shutdown_request work while a cell runs;
//   - iopub (PUB): status, execute_input, stream, display_data, execute_result, error...;
//   - stdin (ROUTER): input_request to the front end that sent the running execute_request;
//   - heartbeat (REP): echoes every message on its own goroutine, never behind a cell.
//
// Every message is [identities..., "<IDS|MSG>", signature, header, parent_header, metadata,
// content, buffers...]. The signature is the hex HMAC-SHA256 of the four JSON frames with the
// connection key; with an empty key messages are neither signed nor checked.
//
// # Invariants
//
//   - Every request on shell and control is wrapped by status busy ... outputs ... reply ...
//     idle on iopub, all with the request as parent, and the reply goes out on the socket the
//     request came in on.
//   - Stream output is coalesced per cell (flushed every 50 ms, when it grows past 64 KiB, and
//     before any other output, reply or input request), cut on UTF-8 boundaries.
//   - execution_count advances only for execute requests with store_history true (silent implies
//     false); a failed cell publishes exactly one error message; with stop_on_error the
//     execute requests already queued when the error is replied are answered "aborted".
//   - Unknown *_request types are logged and answered with status "error" (ename
//     "UnknownMessageType") instead of being ignored as ipykernel does: a client waiting for a
//     reply fails at once instead of timing out. Other unknown messages are logged and dropped.
//   - Like ipykernel 6, the kernel publishes status "starting" once its sockets are bound.
//   - history_request answers from this process's cells with store_history true (session
//     number 1; session 0 also means this one): tail, range (stop exclusive) and search (glob
//     with * and ?, n, unique). execute_request is served on shell only.
//   - A Result's Page goes to the execute_reply payload (source "page"), for ?name help.
//
// # Panic and error policy
//
// Nothing a message or a cell does may stop the kernel: a malformed or badly signed message is
// logged (log/slog, to the operator) and dropped, and every message is handled under a recover.
// Errors are values prefixed "kernel: ".
//
// # zmq4 notes
//
// zmq4 sockets are not safe for concurrent sends: each socket has one mutex. A PUB socket never
// blocks and drops messages nobody subscribed to, so the first iopub messages may be lost before
// a client's SUB connects; clients cope by waiting for a kernel_info_reply. zmq4 v0.17.0 never
// stops the goroutine that feeds a PUB socket's queue (pubMWriter.run): each Run leaves that
// one parked goroutine behind, and nothing else.
package kernel
