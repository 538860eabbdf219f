package dev.ctx.keyservice.api;

/** A request the API refuses, with its status and problem type. The message becomes the problem detail. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public ApiException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static ApiException badRequest(String type, String detail) {
        return new ApiException(400, type, "Bad request", detail);
    }

    public int status() {
        return status;
    }

    public Problem problem(String path) {
        return new Problem("https://ctx.dev/problems/" + type, title, status, getMessage(), path);
    }
}
