/** The management API: the sandbox's account, its settings (incl. the IP allowlist) and users. */
package io.lytx.sandbox.manage;
