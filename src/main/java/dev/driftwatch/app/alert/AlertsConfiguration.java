package dev.driftwatch.app.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * Where rule alerts go ({@code driftwatch.alerts.*}). With neither URL set, no alert leaves the service;
 * the Prometheus alerting rules under grafana/ still work from the metrics.
 *
 * @param alertmanagerUrl Alertmanager's base URL (alerts go to {@code /api/v2/alerts}), or null
 * @param webhookUrl      a URL that receives each state change as plain JSON, or null
 * @param repeatInterval  how often firing alerts are sent again to Alertmanager, which otherwise resolves
 *                        them after its {@code resolve_timeout} (default 5 minutes)
 * @param timeout         connect and request timeout of each delivery (deliveries never run on a run's thread)
 * @param retryInterval   how soon a delivery that failed (refused, timed out, unreachable) is tried again, firing and
 *                        resolved alerts alike
 * @param grafanaUrl      Grafana's base URL for the {@code dashboard_url} annotation, or null (no such annotation)
 */
@ConfigurationProperties("driftwatch.alerts")
public record AlertsConfiguration(@Nullable URI alertmanagerUrl,
                                  @Nullable URI webhookUrl,
                                  @Bindable(defaultValue = "1m") Duration repeatInterval,
                                  @Bindable(defaultValue = "5s") Duration timeout,
                                  @Bindable(defaultValue = "10s") Duration retryInterval,
                                  @Nullable URI grafanaUrl) {
}
