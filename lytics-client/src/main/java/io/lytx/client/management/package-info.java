/** Management: accounts, account settings (including {@code api_ip_whitelist}), admin users and API tokens. */
package io.lytx.client.management;
