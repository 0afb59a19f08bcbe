package ipclab.sockets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 2.0 as both ends of Part C write it (second solution's helper): the error codes, one
 * shared {@link ObjectMapper}, and the shape of a response.
 *
 * <pre>
 * --> {"jsonrpc":"2.0","method":"add","params":[5],"id":1}
 * <-- {"jsonrpc":"2.0","result":47,"id":1}
 * </pre>
 */
final class JsonRpc {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int METHOD_THREW = -32000;

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRpc() {
    }

    /** A response carrying {@code result}. */
    static ObjectNode success(JsonNode id, JsonNode result) {
        var response = MAPPER.createObjectNode().put("jsonrpc", "2.0");
        response.set("result", result);
        response.set("id", id);
        return response;
    }

    /** A response carrying an error; {@code data} may be null (then left out). */
    static ObjectNode failure(JsonNode id, int code, String message, String data) {
        var response = MAPPER.createObjectNode().put("jsonrpc", "2.0");
        var error = response.putObject("error").put("code", code).put("message", message);
        if (data != null) error.put("data", data);
        response.set("id", id);
        return response;
    }
}
