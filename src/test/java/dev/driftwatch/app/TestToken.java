package dev.driftwatch.app;

/** The API token every test context accepts (set in src/test/resources/application-test.yml). */
public final class TestToken {
    public static final String VALUE = "test-token-0123456789abcdef";
    /** The value of the {@code Authorization} header that carries it. */
    public static final String BEARER = "Bearer " + VALUE;

    private TestToken() {
    }
}
