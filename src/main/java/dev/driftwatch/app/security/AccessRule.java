package dev.driftwatch.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.IpPatternsRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * Driftwatch's one security rule, consulted before Micronaut's own (which it leaves nothing to decide): a
 * state-changing request from a foreign origin is refused, then the {@link RequestKind} says whether the caller may
 * send it. A refusal leaves its reason as a {@link Denial} on the request for {@link AccessDeniedHandler}.
 */
@Singleton
final class AccessRule implements SecurityRule<HttpRequest<?>> {
    static final int ORDER = IpPatternsRule.ORDER - 100;

    private final AccessPolicy policy;

    AccessRule(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null) {
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        RequestKind kind = RequestKind.of(request);
        if (kind == RequestKind.CHANGE) {
            Optional<String> foreign = SameOrigin.foreignOrigin(request, policy.allowedOrigins());
            if (foreign.isPresent()) {
                return deny(request, new Denial(HttpStatus.FORBIDDEN, "expected a " + request.getMethod()
                        + " from this service's own origin (or driftwatch.security.allowed-origins) but found Origin "
                        + foreign.get()));
            }
        }
        if (kind.allows(roles(authentication), policy)) {
            return Publishers.just(SecurityRuleResult.ALLOWED);
        }
        String what = request.getMethod() + " " + request.getPath();
        if (authentication != null) {
            return deny(request, new Denial(HttpStatus.FORBIDDEN, "expected " + kind.needs() + " to " + what
                    + " but found the token of '" + authentication.getName() + "'"));
        }
        boolean presented = request.getHeaders().get(HttpHeaders.AUTHORIZATION) != null;
        return deny(request, new Denial(HttpStatus.UNAUTHORIZED, "expected 'Authorization: Bearer <token>' with "
                + kind.needs() + " to " + what + " but found " + (presented ? "a token this service does not know"
                : "no token")));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static Publisher<SecurityRuleResult> deny(HttpRequest<?> request, Denial denial) {
        request.setAttribute(Denial.ATTRIBUTE, denial);
        return Publishers.just(SecurityRuleResult.REJECTED);
    }

    private static Set<Role> roles(@Nullable Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (authentication != null) {
            for (Role role : Role.values()) {
                if (authentication.getRoles().contains(role.name())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
