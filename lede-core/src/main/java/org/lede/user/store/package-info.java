/** The JDBI adapters for users and sessions, and Argon2id password hashing. */
package org.lede.user.store;
