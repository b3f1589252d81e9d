/** Roles and the actor whose rights services check. */
package org.lede.user;
