package dev.driftwatch.app.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * Micronaut Security's check of the token of {@code Authorization: Bearer <token>}: a known token authenticates
 * its {@link Caller}, with the caller's role as the one role; an unknown one authenticates nobody.
 */
@Singleton
final class StaticTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final CallerTokens tokens;

    StaticTokenValidator(CallerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return tokens.caller(token)
                .map(caller -> Publishers.just(Authentication.build(caller.name(), List.of(caller.role().name()))))
                .orElseGet(Publishers::empty);
    }
}
