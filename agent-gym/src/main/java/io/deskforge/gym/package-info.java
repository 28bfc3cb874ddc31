/**
 * Agents inside the environments deskforge produces: the gym ({@code env}), the computer-use
 * action schemas mapped to deskforge's actions ({@code action}), episodes and their trajectories
 * ({@code episode}), the HTTP server ({@code server}) and the baseline agents ({@code agent}).
 */
package io.deskforge.gym;
