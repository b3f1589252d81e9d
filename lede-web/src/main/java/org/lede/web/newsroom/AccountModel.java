package org.lede.web.newsroom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.lede.token.ApiToken;
import org.lede.token.CreatedToken;

/**
 * The signed-in member's own account page: their password and their personal API tokens.
 *
 * @param created a token just made, whose secret is shown this once; else null
 */
public record AccountModel(
        NewsroomPage page, int minPassword, List<ApiToken> tokens, CreatedToken created, String tokenName, ZoneId zone)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/account.jte";
    }

    /** A time as the newsroom shows it, to the minute, or "never". */
    public String when(Instant at) {
        return at == null
                ? "never"
                : at.atZone(zone)
                        .toLocalDateTime()
                        .withSecond(0)
                        .withNano(0)
                        .toString()
                        .replace('T', ' ');
    }
}
